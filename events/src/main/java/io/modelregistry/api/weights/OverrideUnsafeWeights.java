package io.modelregistry.api.weights;

import io.modelregistry.api.artifact.Actor;

/** An administrator allows (or withdraws allowing) downloads of one package of a model despite its scan. */
public record OverrideUnsafeWeights(String artifactId, String name, String version, String packageDigest,
                                    boolean allowed, String reason, Actor actor) {
}
