package io.modelregistry.command.rating;

import io.modelregistry.api.artifact.ArtifactRegistered;
import java.util.function.Consumer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The re-rating's own tracking processor over the event log: its token (in the same token store as the
 * projections, JDBC or DynamoDB) advances only after the re-ratings for an event are recorded, so a node stopped
 * in between re-rates after its restart. It is built here and not registered with Axon's event processing, so the
 * read-your-writes barrier and the projection lag never count it: the re-rating itself waits on that barrier, and
 * counting it would make it wait for itself. A first start (or a new token store) begins at the head of the log:
 * history is never re-rated. One segment, one event per batch, so a crash repeats at most one registration's work.
 */
final class LinkedReratingProcessor implements AutoCloseable {

    static final String NAME = "linked-rerating";

    private final TrackingEventProcessor processor;

    LinkedReratingProcessor(StreamableMessageSource<? extends EventMessage<?>> events, TokenStore tokens,
                            TransactionManager transactions, Consumer<ArtifactRegistered> work) {
        EventMessageHandler handler = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                if (event.getPayload() instanceof ArtifactRegistered registered) {
                    work.accept(registered);
                }
                return null;
            }
        };
        @SuppressWarnings("unchecked")
        StreamableMessageSource<org.axonframework.eventhandling.TrackedEventMessage<?>> source =
                (StreamableMessageSource<org.axonframework.eventhandling.TrackedEventMessage<?>>) (Object) events;
        this.processor = TrackingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                        // what escapes the work (a stop in the middle) is retried, never skipped
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(transactions == null ? NoTransactionManager.INSTANCE : transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(1)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .storingTokensAfterProcessing()
                .build();
    }

    void start() {
        processor.start();
    }

    boolean isRunning() {
        return processor.isRunning();
    }

    @Override
    public void close() {
        processor.shutDown();
    }
}
