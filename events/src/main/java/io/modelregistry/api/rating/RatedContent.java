package io.modelregistry.api.rating;

import io.modelregistry.api.artifact.ArtifactContent;

/** One version's content with the rating computed for it; {@code rating} is {@code null} for datasets and code. */
public record RatedContent(ArtifactContent content, RatingOutcome rating) {
}
