package io.modelregistry.api.registry;

import io.modelregistry.api.evolution.EventRevision;
import io.modelregistry.api.artifact.Actor;
import java.time.Instant;

/**
 * The registry was reset to its default state. Read models clear; the event log itself is kept (audit).
 * Tokens issued before it stop working, except the one whose hash is {@code keptTokenHash}.
 */
@EventRevision("1")
public record RegistryReset(Actor actor, String keptTokenHash, Instant at) {
}
