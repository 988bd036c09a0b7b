package io.modelregistry.api.sensitive;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * A model was marked sensitive ({@code sensitive = true}: every download of it is vetted by its monitor program
 * first) or no longer sensitive. Its monitor program, if any, is kept either way.
 */
@EventRevision("1")
public record ModelSensitivityChanged(String artifactId, String name, boolean sensitive, Actor actor, Instant at) {
}
