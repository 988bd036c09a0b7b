package io.modelregistry.api.rating;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactCommand;

/** Record a model's new rating; computed before the command is sent, so no lock is held while hubs answer. */
public record RecordRating(String artifactId, RatingOutcome outcome, Actor actor) implements ArtifactCommand {
}
