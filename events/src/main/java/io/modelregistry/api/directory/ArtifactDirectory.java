package io.modelregistry.api.directory;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.version.SemanticVersions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The directory read model (port, query side): one record per live artifact, describing its latest version
 * (highest semver precedence), and one per version of it. The embedded adapter keeps it in H2 tables; a
 * scale-out adapter in an OpenSearch index. {@link ArtifactDirectoryWriter} is its write side.
 */
public interface ArtifactDirectory {

    /** The artifact as its latest version describes it. */
    Optional<ArtifactRecord> find(String id);

    default Optional<ArtifactRecord> find(ArtifactType type, String id) {
        return find(id).filter(record -> record.type() == type);
    }

    /** Every version of a live artifact, newest (highest precedence) first; empty for an unknown artifact. */
    default List<ArtifactRecord> versions(String id) {
        return find(id).map(List::of).orElse(List.of());
    }

    /** One version of a live artifact (build metadata ignored, as semver precedence does). */
    default Optional<ArtifactRecord> find(String id, String version) {
        return versions(id).stream().filter(record -> SemanticVersions.same(record.version(), version)).findFirst();
    }

    /**
     * Every package digest a live artifact still references, over all versions of all artifacts: what a blob
     * sweep must keep.
     */
    Set<String> livePackageDigests();

    /** How many live artifacts the directory holds. */
    long count();
}
