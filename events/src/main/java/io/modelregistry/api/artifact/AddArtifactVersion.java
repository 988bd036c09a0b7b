package io.modelregistry.api.artifact;

/** Add {@code content.version()} to a registered artifact; refused (409) when the artifact already has it. */
public record AddArtifactVersion(String artifactId, ArtifactType type, String name, ArtifactContent content,
                                 Actor actor) implements ArtifactCommand {
}
