package io.modelregistry.api.download;

import io.modelregistry.api.artifact.RecordDownload;

/**
 * Where the read side records a download (port): the only write the query side asks for, and it asks the command
 * side, which appends the event. Returns once the download is durable in the log.
 */
public interface DownloadLog {

    void record(RecordDownload download);
}
