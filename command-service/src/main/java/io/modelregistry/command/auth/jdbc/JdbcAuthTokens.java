package io.modelregistry.command.auth.jdbc;

import io.modelregistry.command.auth.AuthTokenStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issued tokens in table {@code auth_token}, by sha-256. Each use is counted with one conditional UPDATE, so a token
 * past its use budget or expiry is refused atomically even under concurrent requests (0004).
 */
public final class JdbcAuthTokens implements AuthTokenStore {

    private final JdbcTemplate jdbc;

    public JdbcAuthTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(IssuedToken token) {
        jdbc.update("INSERT INTO auth_token (token_hash, username, is_admin, issued_at, expires_at, uses, max_uses) "
                        + "VALUES (?, ?, ?, ?, ?, 0, ?)", token.tokenHash(), token.username(), token.admin(),
                Timestamp.from(token.issuedAt()), Timestamp.from(token.expiresAt()), token.maxUses());
    }

    @Override
    public Optional<String> spend(String tokenHash, Instant now) {
        int updated = jdbc.update("UPDATE auth_token SET uses = uses + 1 "
                + "WHERE token_hash = ? AND uses < max_uses AND expires_at > ?", tokenHash, Timestamp.from(now));
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT username FROM auth_token WHERE token_hash = ?", (rs, row) -> rs.getString(1),
                tokenHash).stream().findFirst();
    }

    @Override
    public int revokeAllOf(String username) {
        return jdbc.update("DELETE FROM auth_token WHERE username = ?", username);
    }

    @Override
    public void revokeAllExcept(String keptTokenHash) {
        jdbc.update("DELETE FROM auth_token WHERE token_hash <> ?", keptTokenHash == null ? "" : keptTokenHash);
    }

    @Override
    public long activeCount(Instant now) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM auth_token WHERE expires_at > ? AND uses < max_uses",
                Long.class, Timestamp.from(now));
        return count == null ? 0 : count;
    }
}
