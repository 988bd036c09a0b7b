package io.modelregistry.api.search;

import io.modelregistry.api.artifact.ArtifactType;

/** One search hit: what the contract's {@code ArtifactMetadata} holds. */
public record ArtifactSummary(String id, String name, ArtifactType type) {
}
