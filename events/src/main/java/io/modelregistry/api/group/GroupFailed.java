package io.modelregistry.api.group;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * Executing the group transaction was refused (none of its commands took effect); the refusal is kept so that
 * executing again answers the same. {@code kind} is a {@link io.modelregistry.api.error.RegistryException.Kind}.
 */
@EventRevision("1")
public record GroupFailed(String groupId, String kind, String message, Instant at) {
}
