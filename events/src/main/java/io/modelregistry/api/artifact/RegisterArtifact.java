package io.modelregistry.api.artifact;

public record RegisterArtifact(String artifactId, ArtifactType type, String name, ArtifactContent content,
                               Actor actor) implements ArtifactCommand {
}
