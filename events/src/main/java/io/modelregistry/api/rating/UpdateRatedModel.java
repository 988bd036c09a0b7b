package io.modelregistry.api.rating;

import io.modelregistry.api.artifact.ArtifactCommand;
import io.modelregistry.api.artifact.UpdateArtifact;

/** Replace a model's content together with the rating of the new content, in one decision (see {@link RegisterRatedModel}). */
public record UpdateRatedModel(UpdateArtifact update, RatingOutcome rating) implements ArtifactCommand {

    @Override
    public String artifactId() {
        return update.artifactId();
    }
}
