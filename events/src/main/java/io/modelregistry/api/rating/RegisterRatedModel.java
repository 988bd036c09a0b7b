package io.modelregistry.api.rating;

import io.modelregistry.api.artifact.ArtifactCommand;
import io.modelregistry.api.artifact.RegisterArtifact;

/**
 * Register a model together with the rating computed for it before the command was sent: one command, one
 * decision of the artifact's aggregate, so its registration and its first rating are appended together (as
 * separate events) or not at all. Never a registered model without a rating.
 */
public record RegisterRatedModel(RegisterArtifact registration, RatingOutcome rating) implements ArtifactCommand {

    @Override
    public String artifactId() {
        return registration.artifactId();
    }
}
