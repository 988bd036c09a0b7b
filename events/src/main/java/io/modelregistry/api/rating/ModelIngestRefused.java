package io.modelregistry.api.rating;

import io.modelregistry.api.evolution.EventRevision;
import io.modelregistry.api.artifact.Actor;
import java.time.Instant;

/**
 * The ingest gate refused a public model (policy {@code enforce}): nothing was registered. A plain event (no
 * aggregate, no claim), kept as the audit record of the refusal and of the rating that caused it.
 */
@EventRevision("1")
public record ModelIngestRefused(String sourceUrl, String name, RatingOutcome outcome, String message, Actor actor,
                                 Instant at) {
}
