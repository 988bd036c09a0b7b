package io.modelregistry.command.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Issued bearer tokens by the sha-256 of the token (the token itself is never stored), with their use counts:
 * operational state beside the log (0004). {@link #spend} must be atomic under concurrency on every adapter (a
 * conditional update), so a token gets exactly its use budget however many nodes and threads spend it.
 */
public interface AuthTokenStore {

    record IssuedToken(String tokenHash, String username, boolean admin, Instant issuedAt, Instant expiresAt,
                       int maxUses) {
    }

    void insert(IssuedToken token);

    /** Spends one use; the token's user name, or empty when it is unknown, revoked, expired or used up. */
    Optional<String> spend(String tokenHash, Instant now);

    /** Revokes every token of the user; how many there were. */
    int revokeAllOf(String username);

    /** Revokes every token but the kept one ({@code null}: all). */
    void revokeAllExcept(String keptTokenHash);

    long activeCount(Instant now);
}
