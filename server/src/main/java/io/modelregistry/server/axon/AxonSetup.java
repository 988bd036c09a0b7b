package io.modelregistry.server.axon;

import io.modelregistry.api.artifact.ArtifactCommand;
import io.modelregistry.projection.consistency.TokensStoredAfterProcessing;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** Axon wiring that the auto-configuration does not decide for us. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
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
     * model ({@link TokensStoredAfterProcessing}). A processor renews its claim only when it is due
     * ({@link #claimExtensionInterval}), not every second and at every batch as Axon does.
     */
    @Bean
    @DependsOn("eventStoreSchema")
    ConfigurerModule trackingProjections(ProjectionProperties projections, TokenStoreProperties tokenStore) {
        var factory = TokensStoredAfterProcessing.factory(PROJECTIONS, claimExtensionInterval(
                Optional.ofNullable(projections.claimExtensionInterval()), tokenStore.getClaimTimeout()));
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> PROJECTIONS)
                .registerEventProcessorFactory(factory));
    }

    /**
     * How long after writing a claim a processor does not renew it: a fifth of the claim timeout unless set (as the
     * claim fence renews), at most a third of it (a renewal must land well before anyone else may take the claim),
     * zero to renew whenever Axon asks.
     */
    static Duration claimExtensionInterval(Optional<Duration> configured, Duration claimTimeout) {
        Duration interval = configured.orElse(claimTimeout.dividedBy(5));
        if (interval.isNegative() || interval.compareTo(claimTimeout.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("registry.projections.claim-extension-interval must be from 0 to a "
                    + "third of the claim timeout (" + claimTimeout + "), was " + interval);
        }
        return interval;
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
