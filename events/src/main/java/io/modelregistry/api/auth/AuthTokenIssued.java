package io.modelregistry.api.auth;

import java.time.Instant;

/** A bearer token was issued. Only its sha-256 is recorded: the token itself never reaches the log. */
public record AuthTokenIssued(String tokenHash, String username, boolean admin, Instant issuedAt,
                              Instant expiresAt, int maxUses) {
}
