package io.modelregistry.command.weights;

import io.modelregistry.api.weights.OverrideUnsafeWeights;
import io.modelregistry.api.weights.UnsafeWeightsOverridden;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Appends an administrator's override as a plain event, without the artifact's aggregate: it guards no invariant of
 * the artifact (the controller checks the model and its package are live and dangerous).
 */
@Component
class WeightsOverrideCommands {

    private final EventGateway events;
    private final Clock clock;

    WeightsOverrideCommands(EventGateway events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    void handle(OverrideUnsafeWeights command) {
        events.publish(new UnsafeWeightsOverridden(command.artifactId(), command.name(), command.version(),
                command.packageDigest(), command.allowed(), command.reason(), command.actor(), clock.instant()));
    }
}
