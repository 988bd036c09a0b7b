package io.modelregistry.api.audit;

/**
 * The write side of the audit read model (port), used only by its projection. An entry is keyed by the id of
 * the event it came from, so a replay writes the same entries again instead of duplicating them.
 */
public interface AuditTrailWriter {

    /** Appends the entry unless one from the same event is already stored; entries keep their append order. */
    void record(String eventId, AuditEntry entry);

    void deleteAll();
}
