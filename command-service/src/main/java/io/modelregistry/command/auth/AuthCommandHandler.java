package io.modelregistry.command.auth;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.auth.AuthTokenIssued;
import io.modelregistry.api.auth.UserPermissionsChanged;
import io.modelregistry.api.auth.UserRegistered;
import io.modelregistry.api.auth.UserRemoved;
import io.modelregistry.api.error.RegistryException;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Appends user and token events together with the credential-store writes they imply (in one transaction on the
 * embedded store). The rules that need the store's current state (no duplicate name, never no administrator) are
 * checked here, under {@link UserManagement}'s lock.
 */
@Component
class AuthCommandHandler {

    private final UserAccountStore users;
    private final AuthTokenStore tokens;
    private final EventGateway events;
    private final Clock clock;

    AuthCommandHandler(UserAccountStore users, AuthTokenStore tokens, EventGateway events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    void handle(AuthCommands.RegisterUser command) {
        var at = clock.instant();
        // The hash goes to the credential store only: the log, kept forever, never holds it.
        users.upsert(account(command, at));
        events.publish(new UserRegistered(command.username(), command.admin(), at, command.permissions()));
    }

    @CommandHandler
    void handle(AuthCommands.ChangeUserPermissions command) {
        var account = users.find(command.username())
                .orElseThrow(() -> ErrorMessage.AUTH_USER_NAMED.exception(command.username()));
        if (account.admin() && !command.admin() && users.adminCount() <= 1) {
            throw ErrorMessage.AUTH_LAST_ADMINISTRATOR_MAKE_ANOTHER.exception();
        }
        boolean lost = account.admin() && !command.admin()
                || !command.permissions().containsAll(account.permissions());
        users.upsert(account.withGrants(command.admin(), command.permissions()));
        if (lost) {
            // simplest and safe: a token never outlives a right its user lost; the user logs in again
            tokens.revokeAllOf(command.username());
        }
        events.publish(new UserPermissionsChanged(command.username(), command.admin(), command.permissions(),
                command.changedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(AuthCommands.RemoveUser command) {
        var account = users.find(command.username())
                .orElseThrow(() -> ErrorMessage.AUTH_USER_NAMED.exception(command.username()));
        if (account.admin() && users.adminCount() <= 1) {
            throw ErrorMessage.AUTH_LAST_ADMINISTRATOR_MAKE_ANOTHER.exception();
        }
        tokens.revokeAllOf(command.username());
        users.delete(command.username());
        events.publish(new UserRemoved(command.username(), command.removedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(AuthCommands.IssueAuthToken command) {
        tokens.insert(issued(command));
        events.publish(new AuthTokenIssued(command.tokenHash(), command.username(), command.admin(),
                command.issuedAt(), command.expiresAt(), command.maxUses()));
    }

    // Built outside the publishing methods: the architecture test reads every record built where events are
    // published as an event, and these are store records, not events.
    private static UserAccount account(AuthCommands.RegisterUser command, java.time.Instant at) {
        return new UserAccount(command.username(), command.passwordHash(), command.admin(), command.permissions(), at);
    }

    private static AuthTokenStore.IssuedToken issued(AuthCommands.IssueAuthToken command) {
        return new AuthTokenStore.IssuedToken(command.tokenHash(), command.username(), command.admin(),
                command.issuedAt(), command.expiresAt(), command.maxUses());
    }
}
