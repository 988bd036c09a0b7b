package io.modelregistry.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads are recorded by two projections and ignored by the other eight. What keeps them from costing each of
 * those eight a token-store write per download is Axon's processor itself (it reads on through ignored events for up
 * to its event-availability timeout and stores one token for the run): this holds it, should an upgrade change it.
 */
class IgnoredEventsTokenStoresTest {

    record Note(String text) {
    }

    record Download(int number) {
    }

    @ProcessingGroup("notes")
    static final class Notes {
        final List<String> applied = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Note note) {
            applied.add(note.text());
        }
    }

    @ProcessingGroup("downloads")
    static final class Downloads {
        final List<Integer> applied = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Download download) {
            applied.add(download.number());
        }
    }

    /** Counts the token stores of each processor. */
    static final class CountingTokenStore extends InMemoryTokenStore {
        final Map<String, AtomicInteger> stores = new ConcurrentHashMap<>();

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            super.storeToken(token, processorName, segment);
            stores.computeIfAbsent(processorName, n -> new AtomicInteger()).incrementAndGet();
        }

        int stores(String processorName) {
            return stores.getOrDefault(processorName, new AtomicInteger()).get();
        }
    }

    private static final int DOWNLOADS = 40;

    private final Notes notes = new Notes();
    private final Downloads downloads = new Downloads();
    private final CountingTokenStore tokens = new CountingTokenStore();
    private Configuration axon;

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void aProcessorIgnoringDownloadsStoresOneTokenForARunOfThemNotOnePerDownload() throws Exception {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.registerComponent(TokenStore.class, c -> tokens);
        configurer.eventProcessing(processing -> processing
                .registerEventProcessorFactory(TokensStoredAfterProcessing.factory(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialSegmentsCount(1).andBatchSize(50)))
                .registerEventHandler(c -> notes)
                .registerEventHandler(c -> downloads));
        axon = configurer.buildConfiguration();
        axon.start();
        publish(new Note("first"));
        await(() -> notes.applied.size() == 1 && tokens.stores("notes") >= 1);
        int notesBefore = tokens.stores("notes");
        int downloadsBefore = tokens.stores("downloads");

        // downloads a few milliseconds apart, as clients finish theirs: small batches for the processor recording them
        for (int n = 1; n <= DOWNLOADS; n++) {
            publish(new Download(n));
            Thread.sleep(5);
        }
        await(() -> downloads.applied.size() == DOWNLOADS);
        Thread.sleep(1500); // past the event-availability timeout, after which the ignoring processor stores once

        assertThat(tokens.stores("downloads") - downloadsBefore)
                .as("token stores of the processor recording the downloads: one per batch").isGreaterThan(4);
        assertThat(tokens.stores("notes") - notesBefore)
                .as("token stores of the processor that ignores every download").isBetween(1, 2);
    }

    private void publish(Object payload) {
        axon.eventBus().publish(GenericEventMessage.asEventMessage(payload));
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
