package io.modelregistry.command.registry;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.registry.ResetRegistry;
import io.modelregistry.command.artifact.ArtifactClaims;
import io.modelregistry.command.auth.Credentials;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Resets the registry in one transaction: no artifact exists afterwards, only the default admin and the
 * caller (with its token) remain, and a {@link RegistryReset} event tells every read model to clear. The event log
 * itself is kept for audit.
 */
@Component
class RegistryResetHandler {

    private final ArtifactClaims claims;
    private final Credentials credentials;
    private final EventGateway events;
    private final Clock clock;

    RegistryResetHandler(ArtifactClaims claims, Credentials credentials, EventGateway events, Clock clock) {
        this.claims = claims;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ResetRegistry command) {
        if (!command.actor().admin()) {
            throw ErrorMessage.REGISTRY_ADMINISTRATOR_MAY_RESET_REGISTRY.exception();
        }
        claims.releaseAll();
        events.publish(new RegistryReset(command.actor(), command.keptTokenHash(), clock.instant()));
        credentials.resetKeeping(command.keptTokenHash(), command.actor().username());
    }
}
