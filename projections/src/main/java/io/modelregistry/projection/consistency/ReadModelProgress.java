package io.modelregistry.projection.consistency;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How far each read model is behind the event log, and whether reads may be answered.
 *
 * <p>Reads must never be answered from read models that miss an acknowledged write. Two things can leave them
 * behind: a restart (the log is durable, the read models catch up by replaying the events after their tokens, and
 * the search index may even rebuild from scratch) and a write whose wait for the read models gave up (a slow or
 * failed processor). Both raise a <em>required position</em>: at start the head of the log, after a write that was
 * not applied in time its event. A read is answered once every processor has reached it; it waits for that at
 * most {@code read-timeout} and then answers 503, at once when a processor has stopped for an error.
 */
@Component
public class ReadModelProgress implements SmartLifecycle {

    /**
     * Before Axon's own lifecycle phase (Integer.MAX_VALUE - 3072, which starts the processors) and before the web
     * server's: the head is taken before any processor moves and before any read arrives.
     */
    static final int BEFORE_EVENT_PROCESSORS = Integer.MAX_VALUE - 4096;

    /**
     * One processor as seen now. {@code position} is the lowest of its segments: of those this node holds, -1 when
     * it holds none; with a shared token store, of all segments as stored by whichever node holds them. Failures
     * are this node's only: another node's stuck segment shows as a wait that runs out, not as a failure.
     */
    public record ProcessorState(String name, long position, boolean running, boolean retrying, boolean replaying,
                                 Optional<ProjectionFailures.Failure> failure) {

        /**
         * Stopped, or failing (retrying with back-off, or stopped for an error): a wait for it would most likely
         * last its whole bound, on every request.
         */
        public boolean failed() {
            return !running || retrying || failure.isPresent();
        }

        boolean reached(long target) {
            return running && !retrying && (target < 0 || position >= target);
        }
    }

    /** Whether reads may be answered now, and if not, why. */
    public record Readiness(boolean ready, long requiredPosition, long slowestPosition, List<String> failedProcessors) {
    }

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ProjectionFailures failures;
    private final Duration readTimeout;
    private final boolean readsAwaitHead;
    private final Optional<SharedTokenPositions> shared;
    private final AtomicLong required = new AtomicLong(-1);
    private volatile boolean started;

    ReadModelProgress(EventStore eventStore, EventProcessingConfiguration processing, ProjectionFailures failures,
                      ConsistencyProperties properties, Optional<SharedTokenPositions> shared) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.failures = failures;
        this.readTimeout = properties.readTimeout();
        this.readsAwaitHead = properties.readsAwaitHead();
        this.shared = shared;
    }

    /** Global position of the last event in the log, -1 when the log is empty. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }

    public long requiredPosition() {
        return required.get();
    }

    /** A write at {@code position} was acknowledged before every read model had applied it. */
    void behind(long position) {
        required.accumulateAndGet(position, Math::max);
    }

    public List<ProcessorState> processors() {
        List<ProcessorState> states = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                var statuses = streaming.processingStatus().values();
                long position = shared.isPresent() ? shared.get().lowestPosition(name).orElse(-1L)
                        : statuses.isEmpty() ? -1 : statuses.stream()
                                .mapToLong(s -> s.getCurrentPosition().orElse(-1L)).min().orElse(-1L);
                boolean retrying = streaming.isError() || statuses.stream().anyMatch(EventTrackerStatus::isErrorState);
                boolean replaying = statuses.stream().anyMatch(EventTrackerStatus::isReplaying);
                boolean running = streaming.isRunning();
                states.add(new ProcessorState(name, position, running, retrying, replaying,
                        failures.standing(name, position, running)));
            }
        });
        return states;
    }

    public Readiness readiness() {
        return readiness(-1);
    }

    /** As {@link #readiness()}, with {@code atLeast} required too (a position marked for the caller's reads). */
    Readiness readiness(long atLeast) {
        long target = Math.max(required.get(), atLeast);
        List<ProcessorState> states = processors();
        boolean ready = states.stream().allMatch(s -> s.reached(target) && !s.failed());
        long slowest = states.stream().mapToLong(ProcessorState::position).min().orElse(-1L);
        List<String> failed = states.stream().filter(ProcessorState::failed).map(ProcessorState::name).toList();
        return new Readiness(ready, target, slowest, failed);
    }

    /**
     * Returns once every read model has reached the required position (and, with {@code reads-await-head}, the
     * log's head as it is now); waits at most {@code read-timeout}.
     *
     * @throws RegistryException UNAVAILABLE (503) when they do not, at once when a processor has stopped
     */
    public void awaitReadable() {
        awaitReached(readsAwaitHead ? head() : -1);
    }

    /**
     * As {@link #awaitReadable()}, and every read model must also have reached {@code position} (a write that was
     * answered without waiting for them, which this read must show).
     */
    void awaitReached(long position) {
        Readiness readiness = readiness(position);
        if (readiness.ready()) {
            return;
        }
        long deadline = System.nanoTime() + readTimeout.toNanos();
        Backoff backoff = new Backoff();
        while (!readiness.ready()) {
            if (!readiness.failedProcessors().isEmpty()) {
                throw ErrorMessage.CONSISTENCY_READ_MODELS_BEHIND_EVENT.exception(String.join(", ", readiness.failedProcessors()));
            }
            if (System.nanoTime() > deadline) {
                throw ErrorMessage.CONSISTENCY_READ_MODELS_CATCHING_UP.exception(readiness.slowestPosition(), readiness.requiredPosition());
            }
            backoff.pause();
            readiness = readiness(position);
        }
    }

    @Override
    public void start() {
        behind(head());
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return BEFORE_EVENT_PROCESSORS;
    }
}
