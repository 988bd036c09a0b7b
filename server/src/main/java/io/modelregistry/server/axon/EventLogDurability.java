package io.modelregistry.server.axon;

/**
 * What health shows of how the event store makes acknowledged writes durable; each event-store adapter
 * provides one (the embedded one: the H2 group commit).
 */
public interface EventLogDurability {

    /** The configured mode, as operators set it (e.g. {@code fsync}). */
    String mode();

    /** Forces to the device since start. */
    long syncs();

    /** Writers that waited for a force already running instead of starting their own. */
    long sharedWaits();

    /** The kind of the last failed force, or null when the last one succeeded. */
    String lastFailure();

    /**
     * Tries a force again when the last one failed, so that health reports the store as it is now, not as it was at
     * the last write (after a full disk, say, there may be no write for a while once space is freed).
     */
    default void recheck() {
    }
}
