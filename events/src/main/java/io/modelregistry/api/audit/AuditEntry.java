package io.modelregistry.api.audit;

import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;

/**
 * One line of an artifact's audit trail; {@code action} is one of the contract's CREATE/UPDATE/DOWNLOAD/RATE/AUDIT.
 * {@code version} is the version the action concerned (the one created, updated, added, downloaded or rated);
 * {@code null} for entries of events recorded before versions existed, which concerned the only version.
 */
public record AuditEntry(String username, boolean admin, Instant at, String artifactId, String artifactName,
                         ArtifactType artifactType, String action, String version) {

    public AuditEntry(String username, boolean admin, Instant at, String artifactId, String artifactName,
                      ArtifactType artifactType, String action) {
        this(username, admin, at, artifactId, artifactName, artifactType, action, null);
    }
}
