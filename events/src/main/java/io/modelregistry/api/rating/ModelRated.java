package io.modelregistry.api.rating;

import io.modelregistry.api.evolution.EventRevision;
import io.modelregistry.api.artifact.Actor;
import java.time.Instant;

/**
 * A model was rated. Appended right after its registration, after each update and on request; {@code /rate}
 * answers the latest one, and the sequence of them is the model's rating history. {@code version} is the version
 * of the model that was rated; ratings recorded before versions existed carry none (they rated the only version).
 */
@EventRevision("1")
public record ModelRated(String artifactId, RatingOutcome outcome, Actor actor, Instant at, String version) {

    public ModelRated(String artifactId, RatingOutcome outcome, Actor actor, Instant at) {
        this(artifactId, outcome, actor, at, null);
    }
}
