package io.modelregistry.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.RegistryException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that marks the log instead of waiting (a download) costs its writer nothing while a projection is held
 * back, and the read that must show it waits for the mark: until the projection applies it, or, past the read
 * timeout, 503. Reads that need no mark do not wait for the held-back projection.
 */
class MarkedWritesTest {

    record Note(String text) {
    }

    @ProcessingGroup("notes")
    static final class Notes {
        final List<String> applied = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hold = new CountDownLatch(0);
        final CountDownLatch holding = new CountDownLatch(1);

        @EventHandler
        void on(Note note) throws InterruptedException {
            if (hold.getCount() > 0) {
                holding.countDown();
                hold.await(30, TimeUnit.SECONDS);
            }
            applied.add(note.text());
        }
    }

    private static final Duration READ_TIMEOUT = Duration.ofMillis(800);

    private final Notes notes = new Notes();
    private Configuration axon;
    private ReadModelProgress progress;
    private AxonReadModelBarrier barrier;

    @BeforeEach
    void start() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing(processing -> processing.usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialSegmentsCount(1).andBatchSize(50))
                .registerEventHandler(c -> notes));
        ProjectionFailures failures = new ProjectionFailures();
        ProjectionFailurePolicy.apply(configurer, failures, 3, Clock.systemUTC());
        axon = configurer.buildConfiguration();
        ConsistencyProperties properties = new ConsistencyProperties(Duration.ofSeconds(10), READ_TIMEOUT, 3, false);
        progress = new ReadModelProgress(axon.eventStore(), axon.eventProcessingConfiguration(), failures, properties,
                Optional.empty());
        barrier = new AxonReadModelBarrier(progress, properties);
        axon.start();
        progress.start();
    }

    @AfterEach
    void stop() {
        notes.hold.countDown();
        axon.shutdown();
    }

    @Test
    void aMarkedWriteDoesNotWaitAndTheReadThatNeedsItWaitsUntilItIsApplied() throws Exception {
        publish("before");
        barrier.awaitCaughtUp();
        notes.hold = new CountDownLatch(1);

        long started = System.nanoTime();
        publish("download");
        barrier.markForReaders();
        Duration writer = Duration.ofNanos(System.nanoTime() - started);
        assertThat(notes.holding.await(10, TimeUnit.SECONDS)).as("the projection is held on the event").isTrue();
        assertThat(writer).as("marking waits for no projection").isLessThan(Duration.ofMillis(500));
        progress.awaitReadable(); // a read that needs no mark is not held up

        CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
            barrier.awaitMarked();
            return List.copyOf(notes.applied);
        });
        Thread.sleep(200);
        assertThat(read).as("the read waits for the marked write").isNotDone();
        notes.hold.countDown();
        assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly("before", "download");
    }

    @Test
    void aReadThatNeedsAMarkedWriteAnswers503OnceTheReadTimeoutHasPassed() throws Exception {
        notes.hold = new CountDownLatch(1);
        publish("download");
        barrier.markForReaders();
        assertThat(notes.holding.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        assertThatThrownBy(barrier::awaitMarked).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("catching up");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(READ_TIMEOUT);
        notes.hold.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (notes.applied.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        barrier.awaitMarked();
        assertThat(notes.applied).containsExactly("download");
    }

    @Test
    void nothingMarkedMeansNoWait() {
        long started = System.nanoTime();
        barrier.awaitMarked();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    private void publish(String text) {
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Note(text)));
    }
}
