package io.modelregistry.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fence on a real tracking processor, with the claims of a shared token store played by {@link Claims}: a write
 * inside a fresh claim goes ahead, an older claim is renewed first, a claim another node took stops the write before
 * it is made, a write that returns after the claim timeout fails its batch, and none of that counts as a failure of
 * the event (the processor is never stopped for it).
 */
class ClaimFenceTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /** The claims this node holds in a shared store, on a clock the test moves. */
    static final class Claims implements SegmentClaims {
        final AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        final AtomicLong confirmed = new AtomicLong(now.get());
        final AtomicBoolean takenByAnotherNode = new AtomicBoolean();
        final List<String> renewals = new CopyOnWriteArrayList<>();

        @Override
        public OptionalLong confirmedAt(String processorName, int segment) {
            return takenByAnotherNode.get() ? OptionalLong.empty() : OptionalLong.of(confirmed.get());
        }

        @Override
        public void renew(String processorName, int segment) {
            renewals.add(processorName + "/" + segment);
            if (takenByAnotherNode.get()) {
                throw new UnableToClaimTokenException("segment " + segment + " is held by another node");
            }
            confirmed.set(now.get());
        }

        @Override
        public Duration claimTimeout() {
            return CLAIM_TIMEOUT;
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.ofEpochMilli(now.get());
                }
            };
        }
    }

    record Note(String text) {
    }

    /** A read model whose every write goes through the fence, as the OpenSearch adapters' writes do. */
    @ProcessingGroup("notes")
    final class Notes {
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicLong attempts = new AtomicLong();
        /** how many of the next writes take as long as the claim timeout */
        final java.util.concurrent.atomic.AtomicInteger slowWrites = new java.util.concurrent.atomic.AtomicInteger();

        @EventHandler
        void on(Note note) {
            attempts.incrementAndGet();
            fence.beforeWrite("notes-index");
            written.add(note.text());
            if (slowWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                claims.now.addAndGet(CLAIM_TIMEOUT.toMillis());
            }
            fence.afterWrite("notes-index");
        }
    }

    private final Claims claims = new Claims();
    private final ClaimFence fence = new ClaimFence(claims, claims.clock());
    private final Notes notes = new Notes();
    private final ProjectionFailures failures = new ProjectionFailures();
    private Configuration axon;

    @BeforeEach
    void start() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing(processing -> processing.usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialSegmentsCount(1).andBatchSize(50)
                        // a released segment is claimed again quickly, so a retry shows within the test
                        .andTokenClaimInterval(100, java.util.concurrent.TimeUnit.MILLISECONDS))
                .registerEventHandler(c -> notes)
                .registerDefaultHandlerInterceptor((config, processorName) -> fence.interceptor(processorName)));
        ProjectionFailurePolicy.apply(configurer, failures, 2, Clock.systemUTC());
        axon = configurer.buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aWriteInsideAFreshClaimGoesAheadWithoutAskingTheStore() {
        publish("first");
        await(() -> notes.written.size() == 1);
        assertThat(claims.renewals).isEmpty();
    }

    @Test
    void aWriteOnAClaimOlderThanAFifthOfTheTimeoutRenewsTheClaimOfItsOwnProcessorAndSegmentFirst() {
        claims.now.addAndGet(CLAIM_TIMEOUT.toMillis() / 5);
        publish("first");
        await(() -> notes.written.size() == 1);
        assertThat(claims.renewals).containsExactly("notes/0");
        assertThat(claims.confirmed.get()).isEqualTo(claims.now.get());
    }

    @Test
    void aWriteIsNotMadeOnceAnotherNodeHasTakenTheSegmentAndTheProcessorIsNotStoppedForIt() {
        claims.takenByAnotherNode.set(true);
        claims.now.addAndGet(CLAIM_TIMEOUT.toMillis());
        publish("first");
        await(() -> notes.attempts.get() >= 3);
        assertThat(notes.written).as("no write while another node holds the segment").isEmpty();
        assertThat(failures.all()).as("a lost claim is not a failure of the event").isEmpty();
        assertThat(processor().isRunning()).isTrue();

        claims.takenByAnotherNode.set(false); // the segment is ours again
        await(() -> notes.written.size() == 1);
        assertThat(notes.written).containsExactly("first");
    }

    @Test
    void aWriteThatReturnsAfterTheClaimTimeoutFailsItsBatchAndTheEventIsAppliedAgain() {
        notes.slowWrites.set(1);
        publish("slow");
        publish("next");
        await(() -> notes.written.contains("next"));
        // the slow write's batch was rolled back, so its token was not stored and the event came again, renewed
        assertThat(notes.written).containsExactly("slow", "slow", "next");
        assertThat(claims.renewals).containsExactly("notes/0");
        assertThat(failures.all()).isEmpty();
        assertThat(processor().isRunning()).isTrue();
    }

    @Test
    void aWriteMadeOutsideEventProcessingIsNotFenced() {
        claims.takenByAnotherNode.set(true);
        fence.beforeWrite("notes-index");
        fence.afterWrite("notes-index");
        assertThat(claims.renewals).isEmpty();
    }

    private StreamingEventProcessor processor() {
        return axon.eventProcessingConfiguration().eventProcessor("notes", StreamingEventProcessor.class).orElseThrow();
    }

    private void publish(String text) {
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Note(text)));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 20 s");
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
