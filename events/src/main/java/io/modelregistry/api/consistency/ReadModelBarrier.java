package io.modelregistry.api.consistency;

/**
 * Read-your-writes (port): after a write has appended its events, wait until every read model has applied
 * them, so the very next read of any kind sees the write. Bounded: gives up after the configured timeout.
 */
public interface ReadModelBarrier {

    /** Blocks until all projections have reached the head of the event log as it was when called. */
    void awaitCaughtUp();

    /**
     * Like {@link #awaitCaughtUp}, but says whether the read models did reach the head (within the same bound):
     * for work that must not act on read models that are behind (a sweep deciding what nothing references).
     */
    boolean caughtUp();
}
