package io.modelregistry.command.auth;

import io.modelregistry.api.auth.Permission;
import java.time.Instant;
import java.util.Set;

/** One account in the credential store. {@link #toString()} leaves the hash out, so no log line can carry it. */
public record UserAccount(String username, String passwordHash, boolean admin, Set<Permission> permissions,
                          Instant createdAt) {

    public UserAccount {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    UserAccount withGrants(boolean newAdmin, Set<Permission> newPermissions) {
        return new UserAccount(username, passwordHash, newAdmin, newPermissions, createdAt);
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", admin=" + admin + ", permissions=" + permissions + "]";
    }
}
