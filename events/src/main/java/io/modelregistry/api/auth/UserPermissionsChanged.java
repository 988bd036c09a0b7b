package io.modelregistry.api.auth;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;
import java.util.Set;

/**
 * An administrator changed a user's permissions or admin flag; the values are the user's whole new state (not a
 * delta), so a replay knows what the user could do from {@code at} on. When anything was lost, every token the
 * user held was revoked at the same time.
 */
@EventRevision("1")
public record UserPermissionsChanged(String username, boolean admin, Set<Permission> permissions, String changedBy,
                                     Instant at) {

    public UserPermissionsChanged {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
