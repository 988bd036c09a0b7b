package io.modelregistry.projection.consistency;

import io.modelregistry.api.consistency.ReadModelBarrier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the tracking projections: takes the head of the event log when called and waits,
 * bounded, until every streaming processor has processed up to it. When it gives up (past the bound, or at once
 * when a processor has stopped for an error: waiting for it is pointless) the write has happened and is durable;
 * the head becomes a position every read must wait for, so no read answers without it (503 instead).
 *
 * <p>A write that does not wait (a download: its bytes must not wait for the audit projection) marks the head
 * after its append instead; the reads that show it wait for the highest mark, bounded by the read timeout. The
 * mark is the head, not the event's own position (the JDBC log assigns that inside the insert and does not return
 * it), so a reader may wait for a few later events too: never for fewer.
 */
@Component
class AxonReadModelBarrier implements ReadModelBarrier {

    private static final Logger log = LoggerFactory.getLogger(AxonReadModelBarrier.class);

    private final ReadModelProgress progress;
    private final Duration timeout;
    private final AtomicLong marked = new AtomicLong(-1);

    AxonReadModelBarrier(ReadModelProgress progress, ConsistencyProperties properties) {
        this.progress = progress;
        this.timeout = properties.timeout();
    }

    @Override
    public void awaitCaughtUp() {
        caughtUp();
    }

    @Override
    public boolean caughtUp() {
        long target = progress.head();
        if (target < 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Backoff backoff = new Backoff();
        while (true) {
            List<ReadModelProgress.ProcessorState> processors = progress.processors();
            if (processors.stream().allMatch(p -> p.reached(target))) {
                return true;
            }
            List<String> failed = processors.stream().filter(ReadModelProgress.ProcessorState::failed)
                    .map(ReadModelProgress.ProcessorState::name).toList();
            if (!failed.isEmpty()) {
                progress.behind(target);
                log.warn("Processors {} are stopped; event {} is stored, reads answer 503 until they catch up",
                        failed, target);
                return false;
            }
            if (System.nanoTime() > deadline) {
                progress.behind(target);
                log.warn("Read models did not reach event {} within {}; reads wait for it", target, timeout);
                return false;
            }
            backoff.pause();
        }
    }

    @Override
    public void markForReaders() {
        marked.accumulateAndGet(progress.head(), Math::max);
    }

    @Override
    public void markForReaders(long position) {
        if (position < 0) {
            markForReaders();
            return;
        }
        marked.accumulateAndGet(position, Math::max);
    }

    @Override
    public void awaitMarked() {
        progress.awaitReached(marked.get());
    }
}
