package io.modelregistry.api.registry;

import io.modelregistry.api.artifact.Actor;

/** Clear artifacts, users other than the default admin, and every token except {@code keptTokenHash}. */
public record ResetRegistry(Actor actor, String keptTokenHash) {
}
