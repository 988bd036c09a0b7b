package io.modelregistry.api.artifact;

import java.time.Instant;

/** The artifact's source content was replaced; name, id and type stay. */
public record ArtifactUpdated(String artifactId, ArtifactType type, String name, ArtifactContent content,
                              Actor actor, Instant at) {
}
