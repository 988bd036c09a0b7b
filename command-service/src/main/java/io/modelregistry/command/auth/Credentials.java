package io.modelregistry.command.auth;

import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.auth.UserRegistered;
import io.modelregistry.api.auth.UserRemoved;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * The auth part of a registry reset, run inside the reset command's transaction. Registered users do not survive a
 * reset (it returns the registry to its first-start state): each is removed with a {@link UserRemoved}, so the
 * history says when its rights ended. Two accounts stay: the default admin, restored with its default password and
 * every permission, and the administrator who asked for the reset, with the token it asked with (so a client that
 * resets keeps working, as the contract's client expects of the default admin).
 */
@Component
public class Credentials {

    private static final int PAGE = 500;
    private final UserAccountStore users;
    private final AuthTokenStore tokens;
    private final PasswordHasher hasher;
    private final EventGateway events;
    private final Clock clock;

    Credentials(UserAccountStore users, AuthTokenStore tokens, PasswordHasher hasher, EventGateway events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    /** Revokes every token but the kept one, removes every user but the default admin and the caller, restores the admin. */
    public void resetKeeping(String keptTokenHash, String keptUsername) {
        tokens.revokeAllExcept(keptTokenHash);
        for (UserAccount account : everyAccount()) {
            String name = account.username();
            if (!name.equals(DefaultAdmin.USERNAME) && !name.equals(keptUsername)) {
                users.delete(name);
                events.publish(new UserRemoved(name, keptUsername == null ? "reset" : keptUsername, clock.instant()));
            }
        }
        var at = clock.instant();
        users.upsert(defaultAdmin(at));
        events.publish(new UserRegistered(DefaultAdmin.USERNAME, true, at, Permission.all()));
    }

    public long activeTokens() {
        return tokens.activeCount(clock.instant());
    }

    private UserAccount defaultAdmin(java.time.Instant at) {
        return new UserAccount(DefaultAdmin.USERNAME, hasher.hash(DefaultAdmin.PASSWORD), true, Permission.all(), at);
    }

    private List<UserAccount> everyAccount() {
        // read whole before deleting, so paging is not shifted by the deletes
        List<UserAccount> all = new ArrayList<>();
        for (int offset = 0; offset < UserManagement.MAX_USERS; offset += PAGE) {
            List<UserAccount> page = users.list(offset, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
        throw new IllegalStateException("More than " + UserManagement.MAX_USERS + " accounts to reset");
    }
}
