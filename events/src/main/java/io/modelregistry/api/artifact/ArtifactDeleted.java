package io.modelregistry.api.artifact;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

@EventRevision("1")
public record ArtifactDeleted(String artifactId, ArtifactType type, String name, Actor actor, Instant at) {
}
