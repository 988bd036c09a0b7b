package io.modelregistry.api.rating;

import io.modelregistry.api.artifact.ArtifactContent;
import java.time.Instant;

/**
 * One recorded rating of a model: what was computed and what the gate made of it, by whom and when, and of which
 * version ({@link ArtifactContent#DEFAULT_VERSION} for ratings recorded before versions existed).
 */
public record StoredRating(String artifactId, RatingOutcome outcome, String ratedBy, Instant ratedAt, String version) {

    public StoredRating {
        version = version == null || version.isBlank() ? ArtifactContent.DEFAULT_VERSION : version;
    }

    public StoredRating(String artifactId, RatingOutcome outcome, String ratedBy, Instant ratedAt) {
        this(artifactId, outcome, ratedBy, ratedAt, null);
    }
}
