package io.modelregistry.api.artifact;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * An artifact was registered. Revision 2: its content names the README, config and hub metadata by digest
 * ({@link ArtifactContent#documents()}); revision 1 carried their text inline (upcast on read).
 */
@EventRevision("2")
public record ArtifactRegistered(String artifactId, ArtifactType type, String name, ArtifactContent content,
                                 Actor actor, Instant at) {
}
