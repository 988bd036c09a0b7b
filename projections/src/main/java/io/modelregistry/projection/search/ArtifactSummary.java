package io.modelregistry.projection.search;

import io.modelregistry.api.artifact.ArtifactType;

public record ArtifactSummary(String id, String name, ArtifactType type) {
}
