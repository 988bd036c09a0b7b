package io.modelregistry.projection.consistency;

import io.modelregistry.api.consistency.ReadModelBarrier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the tracking projections: takes the head of the event log when called and waits,
 * bounded, until every streaming processor has processed up to it. Past the bound it logs and returns; the
 * write has happened either way, and health reports the lag.
 */
@Component
class AxonReadModelBarrier implements ReadModelBarrier {

    private static final Logger log = LoggerFactory.getLogger(AxonReadModelBarrier.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    AxonReadModelBarrier(EventStore eventStore, EventProcessingConfiguration processing,
                         @Value("${registry.read-your-writes.timeout:PT10S}") Duration timeout) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = timeout;
    }

    @Override
    public void awaitCaughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || head.position().isEmpty()) {
            return;
        }
        long target = head.position().getAsLong();
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = TimeUnit.MICROSECONDS.toNanos(200);
        while (!processors.stream().allMatch(p -> reached(p, target))) {
            if (System.nanoTime() > deadline) {
                log.warn("Read models did not reach event {} within {}; answering anyway", target, timeout);
                return;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static boolean reached(StreamingEventProcessor processor, long target) {
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return !processor.isRunning();
        }
        return statuses.stream().allMatch(status -> position(status) >= target);
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1L);
    }
}
