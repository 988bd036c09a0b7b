package io.modelregistry.api.directory;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;

/**
 * One artifact as the directory read model knows it: identity, source, stored package and provenance. As an
 * artifact's record it describes its latest version (registered at/by are the artifact's registration); as one of
 * {@link ArtifactDirectory#versions(String)} it describes that version (registered at/by are when and by whom
 * the version was added). {@code version} is normalised; records from before versions are
 * {@link ArtifactContent#DEFAULT_VERSION}.
 */
public record ArtifactRecord(String id, ArtifactType type, String name, String sourceUrl, String sourceKind,
                             String repoId, String packageDigest, long bundleBytes, long declaredBytes,
                             String licence, String note, String registeredBy, Instant registeredAt,
                             Instant updatedAt, String version) {

    public ArtifactRecord {
        version = version == null || version.isBlank() ? ArtifactContent.DEFAULT_VERSION : version;
    }

    public ArtifactRecord(String id, ArtifactType type, String name, String sourceUrl, String sourceKind,
                          String repoId, String packageDigest, long bundleBytes, long declaredBytes,
                          String licence, String note, String registeredBy, Instant registeredAt,
                          Instant updatedAt) {
        this(id, type, name, sourceUrl, sourceKind, repoId, packageDigest, bundleBytes, declaredBytes, licence, note,
                registeredBy, registeredAt, updatedAt, null);
    }
}
