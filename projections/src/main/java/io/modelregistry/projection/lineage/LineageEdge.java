package io.modelregistry.projection.lineage;

/** A directed edge from the upstream artifact (parent, dataset, code) to the one derived from or using it. */
public record LineageEdge(String fromArtifactId, String toArtifactId, String relationship) {
}
