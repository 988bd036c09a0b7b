package io.modelregistry.command.sensitive;

import io.modelregistry.api.sensitive.AttachMonitorProgram;
import io.modelregistry.api.sensitive.ChangeModelSensitivity;
import io.modelregistry.api.sensitive.ModelSensitivityChanged;
import io.modelregistry.api.sensitive.MonitorProgramAttached;
import io.modelregistry.api.sensitive.MonitorProgramRemoved;
import io.modelregistry.api.sensitive.RemoveMonitorProgram;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Appends the sensitivity and monitor events as plain events, without loading the artifact's aggregate: they
 * change no invariant of the artifact (its existence is checked by the controller against the live claims; a
 * deletion racing a marking leaves a guard on a deleted id, which nothing can download).
 */
@Component
class SensitiveModelCommands {

    private final EventGateway events;
    private final Clock clock;

    SensitiveModelCommands(EventGateway events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ChangeModelSensitivity command) {
        events.publish(new ModelSensitivityChanged(command.artifactId(), command.name(), command.sensitive(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(AttachMonitorProgram command) {
        events.publish(new MonitorProgramAttached(command.artifactId(), command.name(), command.sha256(),
                command.bytes(), command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(RemoveMonitorProgram command) {
        events.publish(new MonitorProgramRemoved(command.artifactId(), command.name(), command.actor(),
                clock.instant()));
    }
}
