package io.modelregistry.api.rating;

import io.modelregistry.api.artifact.AddArtifactVersion;
import io.modelregistry.api.artifact.ArtifactCommand;

/** Add a model version together with the rating of its content, in one decision (see {@link RegisterRatedModel}). */
public record AddRatedModelVersion(AddArtifactVersion addition, RatingOutcome rating) implements ArtifactCommand {

    @Override
    public String artifactId() {
        return addition.artifactId();
    }
}
