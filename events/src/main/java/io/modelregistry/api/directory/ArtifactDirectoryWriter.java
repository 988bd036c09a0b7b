package io.modelregistry.api.directory;

/**
 * The write side of the directory read model (port), used only by its projection. Every write is idempotent
 * (by artifact id, and version), so a replay rebuilds the same records.
 */
public interface ArtifactDirectoryWriter {

    /** Stores the artifact's record (its latest version), replacing any record with the same id. */
    void upsert(ArtifactRecord record);

    /** Stores one version's record, replacing the record of the same artifact and version. */
    void upsertVersion(ArtifactRecord version);

    /** The artifact and all of its versions go. */
    void delete(String artifactId);

    /** A registry reset or a replay from the start: no artifact exists. */
    void deleteAll();
}
