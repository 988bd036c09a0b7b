package io.modelregistry.command.auth;

import java.time.Instant;

/** Commands internal to authentication: they never leave this package. */
final class AuthCommands {

    private AuthCommands() {
    }

    record RegisterUser(String username, String passwordHash, boolean admin) {
    }

    record IssueAuthToken(String tokenHash, String username, boolean admin, Instant issuedAt, Instant expiresAt,
                          int maxUses) {
    }
}
