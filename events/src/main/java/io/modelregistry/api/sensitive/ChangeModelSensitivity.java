package io.modelregistry.api.sensitive;

import io.modelregistry.api.artifact.Actor;

/** Mark a registered model sensitive, or not; appends {@link ModelSensitivityChanged}. */
public record ChangeModelSensitivity(String artifactId, String name, boolean sensitive, Actor actor) {
}
