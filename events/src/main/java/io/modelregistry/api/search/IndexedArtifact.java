package io.modelregistry.api.search;

import io.modelregistry.api.artifact.ArtifactType;

/** What the search index keeps of an artifact. {@code readme} is null when the source has none. */
public record IndexedArtifact(String id, String name, ArtifactType type, String readme) {
}
