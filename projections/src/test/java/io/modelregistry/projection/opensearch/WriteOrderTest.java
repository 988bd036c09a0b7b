package io.modelregistry.projection.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WriteOrderTest {

    @Test
    void theOrderKeepsRisingWhenTheClockStandsStillOrStepsBack() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:10Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        WriteOrder order = new WriteOrder(clock);
        long first = order.next();
        long second = order.next();
        now.set(Instant.parse("2026-01-01T00:00:01Z"));
        long third = order.next();
        now.set(Instant.parse("2026-01-01T00:01:00Z"));
        long fourth = order.next();
        assertThat(first).isEqualTo(WriteOrder.micros(Instant.parse("2026-01-01T00:00:10Z")));
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(fourth).isEqualTo(WriteOrder.micros(Instant.parse("2026-01-01T00:01:00Z")));
    }

    @Test
    void microsecondsKeepTheOrderOfInstantsDownToTheMicrosecond() {
        Instant at = Instant.parse("2026-01-01T00:00:00.000001Z");
        assertThat(WriteOrder.micros(at)).isEqualTo(1767225600000001L);
        assertThat(WriteOrder.micros(at.plusNanos(999))).isEqualTo(WriteOrder.micros(at));
        assertThat(WriteOrder.micros(at.plusNanos(1000))).isGreaterThan(WriteOrder.micros(at));
        assertThat(WriteOrder.micros(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo(-1_000_000L);
    }
}
