package io.modelregistry.api.artifact;

import java.time.Instant;

public record ArtifactRegistered(String artifactId, ArtifactType type, String name, ArtifactContent content,
                                 Actor actor, Instant at) {
}
