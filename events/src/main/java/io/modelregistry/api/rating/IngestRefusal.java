package io.modelregistry.api.rating;

import io.modelregistry.api.rating.RatingOutcome;
import java.time.Instant;

/** A model the ingest gate refused: the audit record of the refusal and the rating behind it. */
public record IngestRefusal(String sourceUrl, String name, String message, RatingOutcome outcome, String refusedBy,
                            Instant refusedAt) {
}
