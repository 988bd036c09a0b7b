package io.modelregistry.api.artifact;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * A new version was added to a registered artifact: {@code content.version()} names it, and its content (package,
 * documents, licence) is its own. The artifact's other versions stay; the latest version (the highest by semantic
 * version precedence) is what the contract's endpoints answer for.
 */
@EventRevision("1")
public record ArtifactVersionAdded(String artifactId, ArtifactType type, String name, ArtifactContent content,
                                   Actor actor, Instant at) {
}
