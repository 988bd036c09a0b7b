package io.modelregistry.api.rating;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactCommand;
import io.modelregistry.api.artifact.ArtifactType;
import java.util.List;

/**
 * Register an artifact with every version one ingest found (each with its rating, for a model) in ONE decision of
 * its aggregate: the oldest version is the registration and each newer one an added version, all appended in one
 * unit of work, so a crash never leaves an artifact with half of its versions (or a version without its rating).
 */
public record RegisterArtifactVersions(String artifactId, ArtifactType type, String name, List<RatedContent> versions,
                                       Actor actor) implements ArtifactCommand {

    public RegisterArtifactVersions {
        versions = List.copyOf(versions);
    }
}
