package io.modelregistry.api.artifact;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * A stored bundle was served. Appended without loading the artifact's aggregate, so downloads never
 * contend on it. {@code actor} is the user the signed download link was issued to.
 */
@EventRevision("1")
public record ArtifactDownloaded(String artifactId, ArtifactType type, String name, String packageDigest,
                                 long bytes, Actor actor, Instant at) {
}
