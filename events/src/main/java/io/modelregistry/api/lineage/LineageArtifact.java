package io.modelregistry.api.lineage;

import io.modelregistry.api.artifact.ArtifactType;

/**
 * An artifact as the lineage read model knows it: identity, where it came from, and whether its metadata
 * could be read ({@code declared} is false for artifacts that never declare lineage: datasets and code).
 */
public record LineageArtifact(String id, ArtifactType type, String name, String repoId, String sourceKind,
                              String sourceUrl, String repositoryUrl, String revision, boolean declared,
                              boolean metadataMalformed) {
}
