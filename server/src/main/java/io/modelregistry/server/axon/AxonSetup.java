package io.modelregistry.server.axon;

import io.modelregistry.api.artifact.ArtifactCommand;
import io.modelregistry.projection.consistency.TokensStoredAfterProcessing;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** Axon wiring that the auto-configuration does not decide for us. */
@Configuration(proxyBeanMethods = false)
class AxonSetup {

    /** Every projection's processor settings. */
    static final TrackingEventProcessorConfiguration PROJECTIONS = TrackingEventProcessorConfiguration
            .forSingleThreadedProcessing()
            .andInitialSegmentsCount(1)
            .andBatchSize(50);

    /**
     * Every projection is a single-segment tracking processor: events are applied in log order (a reset must
     * come before the registrations that follow it), and its position is what read-your-writes waits on. Its token
     * is stored only after a batch is applied, since no token store here shares a transaction with every read
     * model ({@link TokensStoredAfterProcessing}).
     */
    @Bean
    @DependsOn("eventStoreSchema")
    ConfigurerModule trackingProjections() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> PROJECTIONS)
                .registerEventProcessorFactory(TokensStoredAfterProcessing.factory(PROJECTIONS)));
    }

    /** Commands in the shared vocabulary carry no Axon annotations; route them by their artifact id. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return command -> {
            if (command.getPayload() instanceof ArtifactCommand artifactCommand) {
                return new VersionedAggregateIdentifier(artifactCommand.artifactId(), null);
            }
            throw new IllegalArgumentException("No target aggregate for " + command.getPayloadType().getSimpleName());
        };
    }
}
