package io.modelregistry.api.consistency;

/**
 * Read-your-writes (port): after a write has appended its events, wait until every read model has applied
 * them, so the very next read of any kind sees the write. Bounded: gives up after the configured timeout.
 */
public interface ReadModelBarrier {

    /** Blocks until all projections have reached the head of the event log as it was when called. */
    void awaitCaughtUp();
}
