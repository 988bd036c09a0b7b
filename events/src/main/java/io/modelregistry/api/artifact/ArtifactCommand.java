package io.modelregistry.api.artifact;

/** A command addressed to one artifact; the command side routes it by {@link #artifactId()}. */
public interface ArtifactCommand {
    String artifactId();
}
