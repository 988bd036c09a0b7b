package io.modelregistry.api.search;

import java.time.Instant;

/**
 * @param documents           artifacts currently searchable
 * @param lastWriteAt         when the projection last changed the index; {@code null} if it never did
 * @param sizeBytes           bytes the index takes on disk
 * @param lastAppliedPosition position in the event stream of the last event contained in the durable (committed)
 *                            state of the index; {@code -1} if none. Compared with the token store at startup.
 */
public record IndexStats(long documents, Instant lastWriteAt, long sizeBytes, long lastAppliedPosition) {
}
