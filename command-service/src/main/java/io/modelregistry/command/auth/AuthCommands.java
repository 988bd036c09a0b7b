package io.modelregistry.command.auth;

import io.modelregistry.api.auth.Permission;
import java.time.Instant;
import java.util.Set;

/** Commands internal to authentication: they never leave this package. */
final class AuthCommands {

    private AuthCommands() {
    }

    record RegisterUser(String username, String passwordHash, boolean admin, Set<Permission> permissions) {
        @Override
        public String toString() {
            return "RegisterUser[" + username + "]";
        }
    }

    record ChangeUserPermissions(String username, boolean admin, Set<Permission> permissions, String changedBy) {
    }

    record RemoveUser(String username, String removedBy) {
    }

    record IssueAuthToken(String tokenHash, String username, boolean admin, Instant issuedAt, Instant expiresAt,
                          int maxUses) {
        @Override
        public String toString() {
            return "IssueAuthToken[" + username + "]";
        }
    }
}
