package io.modelregistry.api.auth;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/** A bearer token was issued. Only its sha-256 is recorded: the token itself never reaches the log. */
@EventRevision("1")
public record AuthTokenIssued(String tokenHash, String username, boolean admin, Instant issuedAt,
                              Instant expiresAt, int maxUses) {
}
