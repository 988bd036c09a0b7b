package io.modelregistry.api.sensitive;

import io.modelregistry.api.artifact.Actor;

/** Attach (or replace) a model's monitor program, already stored as the blob {@code sha256}. */
public record AttachMonitorProgram(String artifactId, String name, String sha256, long bytes, Actor actor) {
}
