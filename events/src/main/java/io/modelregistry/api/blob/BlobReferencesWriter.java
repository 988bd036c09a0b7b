package io.modelregistry.api.blob;

import java.util.Set;

/**
 * The write side of {@link BlobReferences} (port), used only by its projection. Writes are idempotent, so a replay
 * rebuilds the same references.
 */
public interface BlobReferencesWriter {

    /** The blobs one version of an artifact references, replacing what that version referenced before. */
    void replace(String artifactId, String version, Set<String> digests);

    /** The artifact was deleted: none of its versions references anything. */
    void deleteArtifact(String artifactId);

    /** A registry reset or a replay from the start: nothing is referenced. */
    void deleteAll();
}
