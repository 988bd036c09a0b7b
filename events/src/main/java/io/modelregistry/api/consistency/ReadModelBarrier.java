package io.modelregistry.api.consistency;

/**
 * Read-your-writes (port): after a write has appended its events, wait until every read model has applied
 * them, so the very next read of any kind sees the write. Bounded: gives up after the configured timeout.
 *
 * <p>A write on the hot path (a download) does not wait: it {@linkplain #markForReaders() marks} the log instead,
 * and the reads that show such writes (the audit trail) {@linkplain #awaitMarked() wait} for the mark.
 */
public interface ReadModelBarrier {

    /** Blocks until all projections have reached the head of the event log as it was when called. */
    void awaitCaughtUp();

    /**
     * Like {@link #awaitCaughtUp}, but says whether the read models did reach the head (within the same bound):
     * for work that must not act on read models that are behind (a sweep deciding what nothing references).
     */
    boolean caughtUp();

    /**
     * For a write answered without waiting for the read models: notes the head of the log, taken after the
     * write's events were appended, as a position that {@link #awaitMarked()} waits for. Costs one look at the
     * head; never waits for a projection.
     */
    void markForReaders();

    /**
     * As {@link #markForReaders()}, with the position known already: {@code position} is at or after the write's
     * own events (the head as read inside the append's transaction), so no second look at the head is needed, and
     * with it no transaction of its own. A negative position (not known) looks at the head instead.
     */
    default void markForReaders(long position) {
        markForReaders();
    }

    /**
     * Blocks until every read model has reached the last position {@linkplain #markForReaders() marked} before
     * this call, at most the read timeout; returns at once when nothing is marked beyond what they applied.
     *
     * @throws io.modelregistry.api.error.RegistryException UNAVAILABLE (503) when they do not reach it in time,
     *         at once when a processor has stopped
     */
    void awaitMarked();
}
