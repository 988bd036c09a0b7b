package io.modelregistry.command.auth.jdbc;

import io.modelregistry.api.auth.Permission;
import io.modelregistry.command.auth.UserAccount;
import io.modelregistry.command.auth.UserAccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The credential store in the embedded database, table {@code user_account}: written through the same connection and
 * transaction as the event append, so an account and its {@code UserRegistered} exist together or not at all.
 */
public final class JdbcUserAccounts implements UserAccountStore {

    private static final String COLUMNS = "username, password_hash, is_admin, permissions, created_at";
    private final JdbcTemplate jdbc;

    public JdbcUserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM user_account WHERE username = ?", JdbcUserAccounts::account,
                username).stream().findFirst();
    }

    @Override
    public List<UserAccount> list(int offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM user_account ORDER BY username OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                JdbcUserAccounts::account, offset, limit);
    }

    @Override
    public void upsert(UserAccount account) {
        jdbc.update("MERGE INTO user_account (" + COLUMNS + ") KEY (username) VALUES (?, ?, ?, ?, ?)",
                account.username(), account.passwordHash(), account.admin(), encode(account.permissions()),
                Timestamp.from(account.createdAt()));
    }

    @Override
    public boolean delete(String username) {
        return jdbc.update("DELETE FROM user_account WHERE username = ?", username) > 0;
    }

    @Override
    public long adminCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE is_admin", Long.class);
        return count == null ? 0 : count;
    }

    static String encode(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::wireName).collect(Collectors.joining(","));
    }

    static Set<Permission> decode(String column) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (column != null) {
            // an unknown name grants nothing (fail closed), it is never an error that locks the account out
            Arrays.stream(column.split(",")).map(String::strip).map(Permission::fromWire)
                    .flatMap(Optional::stream).forEach(permissions::add);
        }
        return permissions;
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3), decode(rs.getString(4)),
                rs.getTimestamp(5).toInstant());
    }
}
