package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactContent;

public record IngestedSource(String derivedName, ArtifactContent content) {
}
