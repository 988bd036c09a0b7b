package io.modelregistry.api.download;

import io.modelregistry.api.artifact.RecordDownload;
import io.modelregistry.api.artifact.RecordRefusedDownload;

/**
 * Where the read side records a download (port): the only write the query side asks for, and it asks the command
 * side, which appends the event. Returns once the download (or its refusal) is durable in the log, with a position of
 * the log at or after its event (read in the append's own transaction), for
 * {@link io.modelregistry.api.consistency.ReadModelBarrier#markForReaders(long)}; -1 when the log could not say.
 */
public interface DownloadLog {

    long record(RecordDownload download);

    /** A download a sensitive model's monitor refused: part of the download history, though no byte was sent. */
    long refused(RecordRefusedDownload refusal);
}
