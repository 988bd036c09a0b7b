package io.modelregistry.api.directory;

/**
 * The write side of the directory read model (port), used only by its projection. Every write is idempotent
 * (by artifact id), so a replay rebuilds the same records.
 */
public interface ArtifactDirectoryWriter {

    /** Stores the record, replacing any record with the same id. */
    void upsert(ArtifactRecord record);

    void delete(String artifactId);

    /** A registry reset or a replay from the start: no artifact exists. */
    void deleteAll();
}
