package io.modelregistry.api.artifact;

public record DeleteArtifact(String artifactId, ArtifactType type, Actor actor) implements ArtifactCommand {
}
