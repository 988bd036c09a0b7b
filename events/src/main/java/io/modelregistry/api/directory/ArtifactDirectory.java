package io.modelregistry.api.directory;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.version.SemanticVersions;
import java.util.Collection;
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

    /**
     * The live artifacts among {@code ids} (latest versions), read as of one point of the log when the adapter can
     * (the embedded one reads them in one statement, so one committed state); unknown ids are left out.
     */
    default List<ArtifactRecord> findAll(Collection<String> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
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
