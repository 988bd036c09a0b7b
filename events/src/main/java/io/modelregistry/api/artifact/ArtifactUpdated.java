package io.modelregistry.api.artifact;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * The artifact's source content was replaced; name, id and type stay. Revision 2: documents by digest, as in
 * {@link ArtifactRegistered}.
 */
@EventRevision("2")
public record ArtifactUpdated(String artifactId, ArtifactType type, String name, ArtifactContent content,
                              Actor actor, Instant at) {
}
