package io.modelregistry.api.group;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RegisterArtifactVersions;

/**
 * One command of a group transaction, validated and prepared when it was appended (bytes stored, model rated):
 * exactly one of {@code register}, {@code update} or {@code delete} is set; {@code rating} goes with an update of a
 * model. {@code sourceKey} is the duplicate key a registration or an update claims (null for a delete).
 */
public record StagedCommand(Kind kind, String artifactId, ArtifactType type, String name, String sourceKey,
                            RegisterArtifactVersions register, UpdateArtifact update, RatingOutcome rating,
                            DeleteArtifact delete) {

    public enum Kind {
        UPLOAD, INGEST, UPDATE, DELETE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
