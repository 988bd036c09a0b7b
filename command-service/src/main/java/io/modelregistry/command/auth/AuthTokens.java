package io.modelregistry.command.auth;

import io.modelregistry.api.artifact.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issued tokens, by sha-256 of the token. Each use is counted with one conditional UPDATE, so a token past
 * its use budget or expiry is refused atomically even under concurrent requests. Use counts are operational
 * state, not events (an event per request would swamp the log); see docs/decisions/0004-auth-tokens.md.
 */
@Component
public class AuthTokens {

    private final JdbcTemplate jdbc;

    AuthTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, String username, boolean admin, Instant issuedAt, Instant expiresAt, int maxUses) {
        jdbc.update("INSERT INTO auth_token (token_hash, username, is_admin, issued_at, expires_at, uses, max_uses) "
                        + "VALUES (?, ?, ?, ?, ?, 0, ?)", tokenHash, username, admin, Timestamp.from(issuedAt),
                Timestamp.from(expiresAt), maxUses);
    }

    /** Spends one use of the token; empty when it is unknown, revoked, expired or used up. */
    Optional<Actor> spend(String tokenHash, Instant now) {
        int updated = jdbc.update("UPDATE auth_token SET uses = uses + 1 "
                + "WHERE token_hash = ? AND uses < max_uses AND expires_at > ?", tokenHash, Timestamp.from(now));
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT username, is_admin FROM auth_token WHERE token_hash = ?",
                (rs, row) -> new Actor(rs.getString(1), rs.getBoolean(2)), tokenHash).stream().findFirst();
    }

    void revokeAllExcept(String keptTokenHash) {
        jdbc.update("DELETE FROM auth_token WHERE token_hash <> ?", keptTokenHash == null ? "" : keptTokenHash);
    }

    long activeCount(Instant now) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM auth_token WHERE expires_at > ? AND uses < max_uses",
                Long.class, Timestamp.from(now));
        return count == null ? 0 : count;
    }
}
