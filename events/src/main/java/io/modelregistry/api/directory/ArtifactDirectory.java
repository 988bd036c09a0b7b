package io.modelregistry.api.directory;

import io.modelregistry.api.artifact.ArtifactType;
import java.util.Optional;

/**
 * The directory read model (port, query side): one record per live artifact. The embedded adapter keeps it in
 * an H2 table; a scale-out adapter in an OpenSearch index. {@link ArtifactDirectoryWriter} is its write side.
 */
public interface ArtifactDirectory {

    Optional<ArtifactRecord> find(String id);

    default Optional<ArtifactRecord> find(ArtifactType type, String id) {
        return find(id).filter(record -> record.type() == type);
    }

    /** How many live artifacts the directory holds. */
    long count();
}
