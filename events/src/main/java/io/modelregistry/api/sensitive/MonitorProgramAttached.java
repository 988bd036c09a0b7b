package io.modelregistry.api.sensitive;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * A model's monitor program was attached or replaced (a model has at most one). The program's bytes are a blob
 * named by {@code sha256}, stored before this event (blob first, event second): events stay small whatever the
 * program's size.
 */
@EventRevision("1")
public record MonitorProgramAttached(String artifactId, String name, String sha256, long bytes, Actor actor,
                                     Instant at) {
}
