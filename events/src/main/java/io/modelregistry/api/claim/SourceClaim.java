package io.modelregistry.api.claim;

import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;
import java.util.Objects;

/**
 * "The artifact {@code artifactId} is (being) registered from the source {@code sourceKey}." Claimed before
 * the artifact's events are appended, so {@code claimedAt} tells how long a claim has waited for them.
 *
 * @param sourceKey  {@link io.modelregistry.api.artifact.SourceRef#duplicateKey}: type and normalised source
 * @param artifactId the artifact that holds the source
 * @param type       the artifact's type
 * @param name       the artifact's name (a registered name never changes)
 * @param claimedAt  when the claim was written
 */
public record SourceClaim(String sourceKey, String artifactId, ArtifactType type, String name, Instant claimedAt) {

    public SourceClaim {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }
}
