package io.modelregistry.command.auth;

import io.modelregistry.api.auth.UserRegistered;
import java.time.Clock;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/** The auth part of a registry reset, run inside the reset command's transaction. */
@Component
public class Credentials {

    private final UserAccounts users;
    private final AuthTokens tokens;
    private final PasswordHasher hasher;
    private final EventGateway events;
    private final Clock clock;

    Credentials(UserAccounts users, AuthTokens tokens, PasswordHasher hasher, EventGateway events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    /** Revokes every token but the kept one, removes every user but the default admin, and restores it. */
    public void resetKeeping(String keptTokenHash) {
        tokens.revokeAllExcept(keptTokenHash);
        users.deleteAllExcept(DefaultAdmin.USERNAME);
        var at = clock.instant();
        String hash = hasher.hash(DefaultAdmin.PASSWORD);
        users.upsert(DefaultAdmin.USERNAME, hash, true, at);
        events.publish(new UserRegistered(DefaultAdmin.USERNAME, true, at));
    }

    public long activeTokens() {
        return tokens.activeCount(clock.instant());
    }
}
