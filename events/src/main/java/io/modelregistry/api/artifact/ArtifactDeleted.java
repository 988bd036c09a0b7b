package io.modelregistry.api.artifact;

import java.time.Instant;

public record ArtifactDeleted(String artifactId, ArtifactType type, String name, Actor actor, Instant at) {
}
