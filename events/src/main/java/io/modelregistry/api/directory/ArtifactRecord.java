package io.modelregistry.api.directory;

import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;

/** One artifact as the directory read model knows it: identity, source, stored package and provenance. */
public record ArtifactRecord(String id, ArtifactType type, String name, String sourceUrl, String sourceKind,
                             String repoId, String packageDigest, long bundleBytes, long declaredBytes,
                             String licence, String note, String registeredBy, Instant registeredAt,
                             Instant updatedAt) {
}
