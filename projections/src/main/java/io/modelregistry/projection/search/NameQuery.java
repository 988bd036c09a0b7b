package io.modelregistry.projection.search;

import io.modelregistry.api.artifact.ArtifactType;
import java.util.Set;

public record NameQuery(String name, Set<ArtifactType> types) {
}
