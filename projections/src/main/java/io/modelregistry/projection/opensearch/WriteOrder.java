package io.modelregistry.projection.opensearch;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tie-breaker for documents that are read back in the order they were written (an audit trail, a rating history):
 * microseconds of the wall clock, strictly increasing within this process even if the clock steps back. Adapters sort
 * by the event's own instant first and by this second, so two events of one instant keep the order the projection
 * wrote them in (which, within a processing segment, is the log's), and a rebuild by replay orders them the same way.
 */
public final class WriteOrder {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public WriteOrder() {
        this(Clock.systemUTC());
    }

    WriteOrder(Clock clock) {
        this.clock = clock;
    }

    /**
     * An instant as microseconds since the epoch, the sort key adapters index beside the instant itself: a plain
     * long, because {@code search_after} cannot take a {@code date_nanos} sort value back.
     */
    public static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /** A number greater than every one this instance returned before. */
    public long next() {
        long now = clock.millis() * 1000;
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }
}
