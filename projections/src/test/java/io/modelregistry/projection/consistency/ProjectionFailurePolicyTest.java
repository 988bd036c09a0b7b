package io.modelregistry.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.RegistryException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failure policy on a real tracking processor: a handler that throws for one event is retried, then its
 * processor stops; nothing after that event is applied; health data, the write barrier and the read gate say
 * so at once; and once the cause is gone a restart applies the event and the ones after it, in order.
 */
class ProjectionFailurePolicyTest {

    private static final int MAX_ATTEMPTS = 3;

    record Note(String text) {
    }

    @ProcessingGroup("notes")
    static final class Notes {
        final List<String> applied = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger unreachable = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean failOnBad = true;
        volatile boolean storeAway;

        @EventHandler
        void on(Note note) {
            if (storeAway) {
                unreachable.incrementAndGet();
                throw new java.io.UncheckedIOException(new java.io.IOException("the read model's store",
                        new java.net.ConnectException("Connection refused")));
            }
            if (failOnBad && note.text().equals("bad")) {
                throw new IllegalStateException("disk full; SQL statement: INSERT INTO notes VALUES ('bad')");
            }
            applied.add(note.text());
        }
    }

    private final Notes notes = new Notes();
    private final ProjectionFailures failures = new ProjectionFailures();
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
        ProjectionFailurePolicy.apply(configurer, failures, MAX_ATTEMPTS, Clock.systemUTC());
        axon = configurer.buildConfiguration();
        ConsistencyProperties properties = new ConsistencyProperties(Duration.ofSeconds(10), Duration.ofMillis(300),
                MAX_ATTEMPTS, false);
        progress = new ReadModelProgress(axon.eventStore(), axon.eventProcessingConfiguration(), failures, properties,
                Optional.empty());
        barrier = new AxonReadModelBarrier(progress, properties);
        axon.start();
        progress.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aHandlerThatKeepsFailingStopsItsProcessorAppliesNothingAfterTheEventAndCatchesUpAfterARestart() throws InterruptedException {
        publish("first");
        await(() -> notes.applied.size() == 1, Duration.ofSeconds(10));
        progress.awaitReadable();

        publish("bad");
        publish("after");
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor("notes", StreamingEventProcessor.class).orElseThrow();
        await(() -> !processor.isRunning(), Duration.ofSeconds(30));

        assertThat(notes.applied).as("nothing after the failed event is applied").containsExactly("first");
        ProjectionFailures.Failure failure = failures.all().get("notes");
        assertThat(failure.stopped()).isTrue();
        assertThat(failure.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failure.eventType()).isEqualTo("Note");
        assertThat(failure.position()).isEqualTo(1);
        assertThat(failure.error()).isEqualTo("IllegalStateException: disk full;");

        long started = System.nanoTime();
        publish("while stopped");
        barrier.awaitCaughtUp();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the write barrier does not wait for a "
                + "stopped processor").isLessThan(Duration.ofSeconds(2));
        var readiness = progress.readiness();
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.failedProcessors()).containsExactly("notes");
        assertThatThrownBy(progress::awaitReadable).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("notes");
        });

        notes.failOnBad = false;
        // the policy stops the processor on its own thread: a start before that stop has finished is refused
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                processor.start();
                break;
            } catch (IllegalStateException pendingShutdown) {
                if (System.nanoTime() > deadline) {
                    throw pendingShutdown;
                }
                Thread.sleep(50);
            }
        }
        await(() -> notes.applied.size() == 4, Duration.ofSeconds(10));
        assertThat(notes.applied).containsExactly("first", "bad", "after", "while stopped");
        barrier.awaitCaughtUp();
        progress.awaitReadable();
        assertThat(progress.readiness().ready()).isTrue();
        assertThat(progress.processors()).allSatisfy(p -> assertThat(p.failure()).isEmpty());
    }

    @Test
    void aHandlerThatFailsOnceIsRetriedAndNothingIsSkipped() {
        notes.failOnBad = true;
        publish("bad");
        publish("after");
        await(() -> failures.all().containsKey("notes"), Duration.ofSeconds(10));
        assertThat(notes.applied).isEmpty();
        notes.failOnBad = false; // the cause goes away before the retry
        await(() -> notes.applied.size() == 2, Duration.ofSeconds(10));
        assertThat(notes.applied).containsExactly("bad", "after");
        awaitRecovered();
        assertThat(progress.processors()).allSatisfy(p -> assertThat(p.running()).isTrue());
    }

    @Test
    void aStoreThatCannotBeReachedIsRetriedPastTheStopLimitAndItsProcessorCatchesUpOnceItIsBack() {
        notes.storeAway = true;
        publish("during the outage");
        publish("after it");
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor("notes", StreamingEventProcessor.class).orElseThrow();
        await(() -> notes.unreachable.get() > MAX_ATTEMPTS, Duration.ofSeconds(30));
        assertThat(processor.isRunning()).as("an outage is not the event's fault: no stop").isTrue();
        assertThat(failures.all()).as("nor counted as the event's failure").doesNotContainKey("notes");
        assertThat(notes.applied).isEmpty();

        notes.storeAway = false;
        await(() -> notes.applied.size() == 2, Duration.ofSeconds(30));
        assertThat(notes.applied).containsExactly("during the outage", "after it");
        awaitRecovered();
    }

    /**
     * The handler has applied the events before its batch commits, and until that commit the processor still
     * reports the error state it retried from, which the read gate answers with a 503 at once. The recovery is
     * done once the gate opens by itself, within a bound.
     */
    private void awaitRecovered() {
        await(() -> progress.readiness().ready(), Duration.ofSeconds(10));
        progress.awaitReadable();
    }

    private void publish(String text) {
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Note(text)));
    }

    private static void await(BooleanSupplier condition, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + bound);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
