package io.modelregistry.api.weights;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * An administrator allowed downloads of one package (named by its digest, so a later version with other weights is
 * not allowed by it) of a model whose weights scan found dangerous imports ({@code allowed = true}), or withdrew
 * that ({@code allowed = false}). The reason is the administrator's own words, kept for the audit.
 */
@EventRevision("1")
public record UnsafeWeightsOverridden(String artifactId, String name, String version, String packageDigest,
                                      boolean allowed, String reason, Actor actor, Instant at) {
}
