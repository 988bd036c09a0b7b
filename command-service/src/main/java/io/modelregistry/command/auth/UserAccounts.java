package io.modelregistry.command.auth;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The credential store: user accounts with their password hashes, written in the transaction that appends the
 * user's events. It is the only place a hash is kept (the events name the user, never the hash), so deleting a
 * user here deletes the verifier for good; see docs/decisions/0035-credentials-beside-the-log.md.
 */
@Component
public class UserAccounts {

    record Account(String username, String passwordHash, boolean admin) {
    }

    private final JdbcTemplate jdbc;

    UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.query("SELECT username, password_hash, is_admin FROM user_account WHERE username = ?",
                (rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3)), username)
                .stream().findFirst();
    }

    void upsert(String username, String passwordHash, boolean admin, Instant at) {
        jdbc.update("MERGE INTO user_account (username, password_hash, is_admin, created_at) KEY (username) "
                + "VALUES (?, ?, ?, ?)", username, passwordHash, admin, java.sql.Timestamp.from(at));
    }

    void deleteAllExcept(String username) {
        jdbc.update("DELETE FROM user_account WHERE username <> ?", username);
    }
}
