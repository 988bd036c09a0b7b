package io.modelregistry.api.artifact;

public record UpdateArtifact(String artifactId, ArtifactType type, String name, ArtifactContent content,
                             Actor actor) implements ArtifactCommand {
}
