package io.modelregistry.api.download;

import java.time.Instant;

/**
 * The write side of the download history (port), used only by its projection. Entries are keyed by their log
 * position, so a replay writes the same entries again instead of duplicating them.
 */
public interface DownloadHistoryWriter {

    /** Stores the entry unless one at the same position is already stored. */
    void record(DownloadHistoryEntry entry);

    /**
     * A registry reset at this position and instant: the history read now starts after it, while a read "as of" an
     * earlier instant still sees what was there then (the log keeps everything; so does this read model).
     */
    void reset(long position, Instant at);

    /** Drops everything: before a replay rebuilds it. */
    void deleteAll();
}
