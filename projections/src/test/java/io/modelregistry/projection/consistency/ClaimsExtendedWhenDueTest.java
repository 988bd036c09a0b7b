package io.modelregistry.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An idle tracking processor renews its claim every time it has waited for events, each renewal a token-store write
 * of its own: renewed only when due, the claim costs a write per interval, and the processor works as before.
 */
class ClaimsExtendedWhenDueTest {

    record Note(int number) {
    }

    @ProcessingGroup("notes")
    static final class Notes {
        final List<Integer> applied = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Note note) {
            applied.add(note.number());
        }
    }

    /** Counts the claim renewals that reach the store; can be made to refuse them. */
    static final class CountingTokenStore extends InMemoryTokenStore {
        final AtomicInteger renewals = new AtomicInteger();
        final AtomicBoolean refuse = new AtomicBoolean();

        @Override
        public void extendClaim(String processorName, int segment) {
            renewals.incrementAndGet();
            if (refuse.get()) {
                throw new UnableToClaimTokenException("taken by another node");
            }
            super.extendClaim(processorName, segment);
        }
    }

    private final CountingTokenStore store = new CountingTokenStore();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private Configuration axon;

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void aClaimWrittenLessThanTheIntervalAgoIsNotRenewedAgainAndOnceDueItIs() {
        TokenStore tokens = new ClaimsExtendedWhenDue(store, Duration.ofSeconds(2), nanos::get);
        tokens.initializeTokenSegments("p", 1);
        tokens.fetchToken("p", 0); // claims the segment
        for (int i = 0; i < 19; i++) {
            advance(Duration.ofMillis(100));
            tokens.extendClaim("p", 0);
        }
        assertThat(store.renewals).as("renewals within 1.9 s of the claim").hasValue(0);
        advance(Duration.ofMillis(100));
        tokens.extendClaim("p", 0);
        assertThat(store.renewals).as("renewals once 2 s have passed").hasValue(1);

        advance(Duration.ofMillis(1500));
        tokens.storeToken(null, "p", 0); // storing a token writes the claim too
        advance(Duration.ofMillis(1500));
        tokens.extendClaim("p", 0);
        assertThat(store.renewals).as("1.5 s after a token was stored").hasValue(1);
    }

    @Test
    void aRefusedRenewalOrAReleasedClaimMakesTheNextRenewalGoThrough() {
        TokenStore tokens = new ClaimsExtendedWhenDue(store, Duration.ofSeconds(2), nanos::get);
        tokens.initializeTokenSegments("p", 1);
        tokens.fetchToken("p", 0);
        advance(Duration.ofSeconds(3));
        store.refuse.set(true);
        assertThatThrownBy(() -> tokens.extendClaim("p", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> tokens.extendClaim("p", 0)).as("asked again at once, it asks the store again")
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(store.renewals).hasValue(2);

        store.refuse.set(false);
        tokens.fetchToken("p", 0);
        tokens.releaseClaim("p", 0);
        tokens.fetchToken("p", 0);
        tokens.releaseClaim("p", 0);
        tokens.extendClaim("p", 0);
        assertThat(store.renewals).as("a renewal after the claim was released").hasValue(3);
    }

    @Test
    void anIdleProcessorWritesItsClaimOncePerIntervalAndStillAppliesEveryEvent() throws Exception {
        Notes notes = new Notes();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.registerComponent(TokenStore.class, c -> store);
        configurer.eventProcessing(processing -> processing
                .registerEventProcessorFactory(TokensStoredAfterProcessing.factory(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialSegmentsCount(1).andBatchSize(50)
                        // Axon renews an idle claim each time this runs out (a second by default)
                        .andEventAvailabilityTimeout(50, TimeUnit.MILLISECONDS), Duration.ofMillis(500)))
                .registerEventHandler(c -> notes));
        axon = configurer.buildConfiguration();
        axon.start();
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Note(1)));
        await(() -> notes.applied.size() == 1);

        int before = store.renewals.get();
        Thread.sleep(2000);
        int renewed = store.renewals.get() - before;
        // Axon asks about 40 times in 2 s here; a renewal is due every 0.5 s
        assertThat(renewed).as("claim renewals written in 2 s idle").isBetween(2, 6);

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Note(2)));
        await(() -> notes.applied.size() == 2);
        await(() -> storedPosition() == 1);
    }

    private long storedPosition() {
        TrackingToken token = store.fetchToken("notes", 0);
        return token == null ? -1 : token.position().orElse(-1L);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
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
