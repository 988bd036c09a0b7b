package io.modelregistry.api.auth;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * A user account was removed, by itself, by an administrator, or by a reset ({@code removedBy} names who asked).
 * Its credential and every token it held were deleted with it.
 */
@EventRevision("1")
public record UserRemoved(String username, String removedBy, Instant at) {
}
