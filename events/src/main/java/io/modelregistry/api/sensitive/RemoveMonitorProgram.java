package io.modelregistry.api.sensitive;

import io.modelregistry.api.artifact.Actor;

/** Remove a model's monitor program. */
public record RemoveMonitorProgram(String artifactId, String name, Actor actor) {
}
