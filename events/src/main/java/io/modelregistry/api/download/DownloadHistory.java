package io.modelregistry.api.download;

import java.time.Instant;
import java.util.List;

/**
 * The download history read model (port, query side): every download and refused download, newest first, per
 * artifact and per user, in pages that never repeat (keyset paging on the log position), and as the history stood
 * at an instant: what a replay of the log up to that instant would show (downloads at or before it, after the last
 * registry reset at or before it).
 */
public interface DownloadHistory {

    /** The most a page may hold. */
    int MAX_LIMIT = 500;

    /**
     * @param artifactId only this artifact's entries (null: every artifact)
     * @param username   only this user's entries (null: every user)
     * @param asOf       the history as it stood at this instant (null: now)
     * @param before     the cursor: only entries older than this position (null: from the newest)
     * @param limit      1 to {@link #MAX_LIMIT}
     */
    record Query(String artifactId, String username, Instant asOf, Long before, int limit) {

        public Query {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
            }
        }
    }

    /** One page, newest first; {@code next} is the cursor of the following page, null on the last. */
    record Page(List<DownloadHistoryEntry> entries, Long next) {
    }

    Page page(Query query);
}
