package io.modelregistry.api.audit;

import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;

/** One line of an artifact's audit trail; {@code action} is one of the contract's CREATE/UPDATE/DOWNLOAD/RATE/AUDIT. */
public record AuditEntry(String username, boolean admin, Instant at, String artifactId, String artifactName,
                         ArtifactType artifactType, String action) {
}
