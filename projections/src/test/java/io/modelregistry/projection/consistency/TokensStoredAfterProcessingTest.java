package io.modelregistry.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A token store that is not part of the batch's transaction (as the DynamoDB one is not) must never hold a token
 * past an event its read model has not applied: a node killed in the middle of a batch would leave the rest of the
 * batch skipped by whoever claims the segment next.
 */
class TokensStoredAfterProcessingTest {

    record Note(int number) {
    }

    /** Applies notes; holds the third one until the test lets it go. */
    @ProcessingGroup("notes")
    static final class Notes {
        final List<Integer> applied = new CopyOnWriteArrayList<>();
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @EventHandler
        void on(Note note) throws InterruptedException {
            if (note.number() == 3) {
                holding.countDown();
                release.await(20, TimeUnit.SECONDS);
            }
            applied.add(note.number());
        }
    }

    private final Notes notes = new Notes();
    private final ImmediateTokenStore tokens = new ImmediateTokenStore();
    private Configuration axon;

    @AfterEach
    void stop() {
        notes.release.countDown();
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void whileABatchIsBeingAppliedTheStoredTokenIsStillTheOneBeforeIt() throws Exception {
        start();
        assertThat(notes.holding.await(20, TimeUnit.SECONDS)).isTrue();
        // the handlers are at note 3 (position 2) of a batch that may hold notes up to 5: the store may say at most
        // position 1, the last note applied; Axon's default would already say the batch's last position
        assertThat(notes.applied).containsExactly(1, 2);
        assertThat(storedPosition().orElse(-1)).as("the stored token while note 3 is applied").isLessThan(2);

        notes.release.countDown();
        await(() -> storedPosition().orElse(-1) == 4);
        assertThat(notes.applied).containsExactly(1, 2, 3, 4, 5);
        assertThat(storedPosition()).hasValue(4); // the batch's last event (positions count from 0)
    }

    private void start() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.registerComponent(TokenStore.class, c -> tokens);
        // a transaction the token store takes no part in, as the server's database transaction is to the DynamoDB
        // token store: given one, Axon's default stores each batch's token before applying the batch
        configurer.configureTransactionManager(c -> () -> new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }
        });
        configurer.eventProcessing(processing -> processing
                .registerEventProcessorFactory(TokensStoredAfterProcessing.factory(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialSegmentsCount(1).andBatchSize(50)
                        .andAutoStart(false)))
                .registerEventHandler(c -> notes));
        axon = configurer.buildConfiguration();
        axon.start();
        for (int n = 1; n <= 5; n++) {
            axon.eventBus().publish(GenericEventMessage.asEventMessage(new Note(n)));
        }
        axon.eventProcessingConfiguration().eventProcessor("notes").orElseThrow().start();
    }

    private OptionalLong storedPosition() {
        TrackingToken token = tokens.stored.get();
        return token == null ? OptionalLong.empty() : token.position();
    }

    /**
     * Axon's in-memory store defers a store to the unit of work's commit; this one, like the DynamoDB store, keeps
     * every stored token at once, outside any transaction.
     */
    static final class ImmediateTokenStore implements TokenStore {
        final InMemoryTokenStore delegate = new InMemoryTokenStore();
        final AtomicReference<TrackingToken> stored = new AtomicReference<>();

        @Override
        public void initializeTokenSegments(String processorName, int segmentCount) {
            delegate.initializeTokenSegments(processorName, segmentCount);
        }

        @Override
        public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
            delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            stored.set(token);
            delegate.storeToken(token, processorName, segment);
        }

        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            return delegate.fetchToken(processorName, segment);
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
            delegate.releaseClaim(processorName, segment);
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return delegate.fetchSegments(processorName);
        }

        @Override
        public Optional<String> retrieveStorageIdentifier() {
            return delegate.retrieveStorageIdentifier();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
