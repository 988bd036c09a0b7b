package io.modelregistry.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestActivityTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:30Z"));
    private final RequestActivity activity = new RequestActivity(clock);

    @Test
    void eachMinuteCountsErrorsByClassAndKnowsItsLatencyPercentiles() {
        for (int i = 1; i <= 100; i++) {
            activity.record("GET /artifacts/{artifact_type}/{id}", "model", 200, "c", i);
        }
        activity.record("GET /artifacts/{artifact_type}/{id}", "model", 404, "c", 1);
        activity.record("GET /artifacts/{artifact_type}/{id}", "model", 503, "c", 1);
        List<RequestActivity.MinuteActivity> rows = activity.activity(5);
        assertThat(rows).hasSize(5);
        RequestActivity.MinuteActivity now = rows.get(4);
        assertThat(now.minute()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(now.requests()).isEqualTo(102);
        assertThat(now.clientErrors()).isEqualTo(1);
        assertThat(now.serverErrors()).isEqualTo(1);
        assertThat(now.p50Millis()).isBetween(48L, 52L);
        assertThat(now.p95Millis()).isBetween(93L, 97L);
        assertThat(now.p99Millis()).isBetween(97L, 100L);
        assertThat(rows.get(0).requests()).isZero();
        assertThat(rows.get(0).p95Millis()).as("no request, no latency").isNull();
    }

    @Test
    void ingestsUploadsAndDownloadsAreCountedOnlyWhenTheySucceeded() {
        activity.record("POST /artifact/{artifact_type}", "model", 201, "c", 5);
        activity.record("POST /artifact/{artifact_type}", "model", 424, "c", 5);
        activity.record("GET /download/{id}", null, 200, "c", 5);
        activity.record("GET /download/{id}", null, 206, "c", 5);
        activity.record("GET /download/{id}", null, 403, "c", 5);
        activity.record("POST /artifacts/{artifact_type}/{id}/versions", "model", 201, "c", 5);
        RequestActivity.MinuteActivity now = activity.activity(5).get(4);
        assertThat(now.ingests()).isEqualTo(1);
        assertThat(now.downloads()).isEqualTo(2);
        assertThat(now.uploads()).isEqualTo(1);
    }

    @Test
    void latencyIsKeptForTwoHoursAndCountsForADay() {
        activity.record("GET /health", null, 200, "c", 7);
        clock.advanceMinutes(RequestActivity.LATENCY_MINUTES + 1);
        activity.record("GET /health", null, 200, "c", 7);
        List<RequestActivity.MinuteActivity> rows = activity.activity(RequestActivity.LATENCY_MINUTES + 2);
        RequestActivity.MinuteActivity old = rows.get(0);
        assertThat(old.requests()).isEqualTo(1);
        assertThat(old.p95Millis()).as("older than the latency horizon").isNull();
        assertThat(rows.get(rows.size() - 1).p95Millis()).isEqualTo(7L);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advanceMinutes(long minutes) {
            now = now.plusSeconds(60 * minutes);
        }

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
            return now;
        }
    }
}
