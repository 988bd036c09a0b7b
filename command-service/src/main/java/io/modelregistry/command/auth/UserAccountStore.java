package io.modelregistry.command.auth;

import java.util.List;
import java.util.Optional;

/**
 * The credential store's port: accounts with their password hashes, beside the log (0035). Operational state of
 * the command side only (nothing else reads a credential), so the port lives here rather than in the shared
 * vocabulary. Adapters: {@code auth.jdbc} (embedded, same transaction as the event append) and the launcher's
 * {@code auth.dynamodb} (shared by every node).
 */
public interface UserAccountStore {

    Optional<UserAccount> find(String username);

    /** Accounts by name, from {@code offset}, at most {@code limit}. */
    List<UserAccount> list(int offset, int limit);

    /** Creates or replaces the account of that name. */
    void upsert(UserAccount account);

    /** Deletes the account and with it the only copy of its verifier; false when there was none. */
    boolean delete(String username);

    /** How many accounts have the admin flag. */
    long adminCount();
}
