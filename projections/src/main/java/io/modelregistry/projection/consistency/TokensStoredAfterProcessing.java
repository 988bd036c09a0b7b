package io.modelregistry.projection.consistency;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Tracking processors that store a batch's token only once its handlers have applied it.
 *
 * <p>Axon's default stores the token of a batch's last event <em>before</em> the batch is applied and relies on the
 * transaction around the batch to undo that store if the batch fails. That holds for a token store in the same
 * database transaction as the read model, and for nothing else: the DynamoDB token store writes at once, and neither
 * Lucene nor OpenSearch takes part in a transaction. A process killed in the middle of a batch then leaves a token
 * past events its read model never received, and whoever claims the segment next (the restarted node, or another
 * node) skips them for good: an artifact listed by search and unknown to the directory. Stored after processing, a
 * crash leaves the previous token, and the next owner applies the whole batch again (every projection write is
 * idempotent). The price is one claim extension at the start of each batch.
 */
public final class TokensStoredAfterProcessing {

    private TokensStoredAfterProcessing() {
    }

    /** The default processor factory: tracking processors on the event store, with {@code tep}, tokens stored after. */
    public static EventProcessingConfigurer.EventProcessorBuilder factory(TrackingEventProcessorConfiguration tep) {
        return factory(tep, Duration.ZERO);
    }

    /**
     * As {@link #factory(TrackingEventProcessorConfiguration)}, and each processor's claim renewed at most once per
     * {@code claimExtensionInterval} after this node last wrote it ({@link ClaimsExtendedWhenDue}; zero: whenever
     * Axon asks, about once a second and at every batch).
     */
    public static EventProcessingConfigurer.EventProcessorBuilder factory(TrackingEventProcessorConfiguration tep,
                                                                          Duration claimExtensionInterval) {
        return (name, configuration, invoker) -> {
            EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
            TokenStore tokenStore = processing.tokenStore(name);
            if (!claimExtensionInterval.isZero()) {
                tokenStore = new ClaimsExtendedWhenDue(tokenStore, claimExtensionInterval);
            }
            return TrackingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(invoker)
                    .rollbackConfiguration(processing.rollbackConfiguration(name))
                    .errorHandler(processing.errorHandler(name))
                    .messageMonitor(configuration.messageMonitor(TrackingEventProcessor.class, name))
                    .messageSource(configuration.eventStore())
                    .tokenStore(tokenStore)
                    .transactionManager(processing.transactionManager(name))
                    .trackingEventProcessorConfiguration(tep)
                    .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class))
                    .storingTokensAfterProcessing()
                    .build();
        };
    }
}
