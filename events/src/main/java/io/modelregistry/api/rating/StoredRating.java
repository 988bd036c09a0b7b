package io.modelregistry.api.rating;

import io.modelregistry.api.rating.RatingOutcome;
import java.time.Instant;

/** One recorded rating of a model: what was computed and what the gate made of it, by whom and when. */
public record StoredRating(String artifactId, RatingOutcome outcome, String ratedBy, Instant ratedAt) {
}
