package io.modelregistry.projection.consistency;

/**
 * Called by a shared read model's adapter around every write it makes, so that a write is refused when the node
 * applying the event may no longer be the one that holds its segment (see {@link ClaimFence}). Read models that
 * only this node writes (the embedded ones) need none: {@link #NONE}.
 */
public interface WriteFence {

    /** No fencing: every write goes ahead. */
    WriteFence NONE = new WriteFence() {
        @Override
        public void beforeWrite(String target) {
        }

        @Override
        public void afterWrite(String target) {
        }
    };

    /**
     * Throws when the write to {@code target} (an index name, for messages) must not be made; may renew the claim
     * that allows it first.
     */
    void beforeWrite(String target);

    /** Throws when the write that just returned may have landed after this node lost the right to make it. */
    void afterWrite(String target);
}
