package io.modelregistry.api.sensitive;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/** A model's monitor program was removed; a sensitive model without one refuses every download. */
@EventRevision("1")
public record MonitorProgramRemoved(String artifactId, String name, Actor actor, Instant at) {
}
