package io.modelregistry.command.auth;

import io.modelregistry.api.auth.AuthTokenIssued;
import io.modelregistry.api.auth.UserRegistered;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/** Appends user and token events together with the command-side rows they imply, in one transaction. */
@Component
class AuthCommandHandler {

    private final UserAccounts users;
    private final AuthTokens tokens;
    private final EventGateway events;
    private final Clock clock;

    AuthCommandHandler(UserAccounts users, AuthTokens tokens, EventGateway events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    void handle(AuthCommands.RegisterUser command) {
        var at = clock.instant();
        // The hash goes to the credential store only: the log, kept forever, never holds it.
        users.upsert(command.username(), command.passwordHash(), command.admin(), at);
        events.publish(new UserRegistered(command.username(), command.admin(), at));
    }

    @CommandHandler
    void handle(AuthCommands.IssueAuthToken command) {
        tokens.insert(command.tokenHash(), command.username(), command.admin(), command.issuedAt(),
                command.expiresAt(), command.maxUses());
        events.publish(new AuthTokenIssued(command.tokenHash(), command.username(), command.admin(),
                command.issuedAt(), command.expiresAt(), command.maxUses()));
    }
}
