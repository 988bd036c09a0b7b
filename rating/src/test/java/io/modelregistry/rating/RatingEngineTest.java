package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.rating.RatingMetric;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RatingEngineTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final RatingActivity activity = new RatingActivity(Clock.systemUTC());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static Metric metric(RatingMetric id, java.util.function.Function<RatingSubject, MetricValue> body) {
        return new Metric() {
            @Override
            public RatingMetric id() {
                return id;
            }

            @Override
            public MetricValue compute(RatingSubject subject) {
                return body.apply(subject);
            }
        };
    }

    private static List<Metric> constant(double value) {
        List<Metric> metrics = new ArrayList<>();
        for (RatingMetric id : NetScore.WEIGHTS.keySet()) {
            metrics.add(metric(id, s -> id == RatingMetric.SIZE_SCORE ? new SizeScore().compute(s) : MetricValue.of(value, "c")));
        }
        return metrics;
    }

    @Test
    void runsMetricsConcurrentlyAndTimesEachInSeconds() {
        CountDownLatch allStarted = new CountDownLatch(NetScore.WEIGHTS.size());
        List<Metric> metrics = new ArrayList<>();
        for (RatingMetric id : NetScore.WEIGHTS.keySet()) {
            metrics.add(metric(id, s -> {
                allStarted.countDown();
                try {
                    // only passes if every metric runs at the same time
                    assertThat(allStarted.await(5, TimeUnit.SECONDS)).isTrue();
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return id == RatingMetric.SIZE_SCORE ? new SizeScore().compute(s) : MetricValue.of(1, "ok");
            }));
        }
        RatingEngine engine = new RatingEngine(metrics, executor, Duration.ofSeconds(10), activity);
        RatingResult result = engine.rate(Subjects.model("a/b").build());
        assertThat(result.failed()).isFalse();
        assertThat(result.value(RatingMetric.NET_SCORE)).isEqualTo(1.0);
        assertThat(result.latencySeconds().get(RatingMetric.LICENSE)).isBetween(0.04, 5.0);
        assertThat(result.totalSeconds()).isLessThan(2.0); // 11 × 50 ms sequentially would be 0.55 s at least; concurrently ~0.05
        assertThat(result.toModelRating().latencySeconds()).hasSize(RatingMetric.values().length);
    }

    @Test
    void aThrowingMetricFailsTheRatingAndIsRecordedForHealth() {
        List<Metric> metrics = new ArrayList<>(constant(1));
        metrics.removeIf(m -> m.id() == RatingMetric.BUS_FACTOR);
        metrics.add(metric(RatingMetric.BUS_FACTOR, s -> {
            throw new IllegalStateException("GitHub said no");
        }));
        RatingResult result = new RatingEngine(metrics, executor, Duration.ofSeconds(10), activity)
                .rate(Subjects.model("a/b").build());
        assertThat(result.failedMetrics()).containsExactly("bus_factor");
        assertThat(result.reasons().get("bus_factor")).isEqualTo("failed: IllegalStateException: GitHub said no");
        assertThat(result.value(RatingMetric.NET_SCORE)).isZero();
        var snapshot = activity.snapshot();
        assertThat(snapshot.failedRatings()).isEqualTo(1);
        assertThat(snapshot.recentFailures()).singleElement().satisfies(f -> assertThat(f.metric()).isEqualTo("bus_factor"));
    }

    @Test
    void aSlowMetricTimesOutAndIsCancelled() {
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Metric> metrics = new ArrayList<>(constant(1));
        metrics.removeIf(m -> m.id() == RatingMetric.REVIEWEDNESS);
        metrics.add(metric(RatingMetric.REVIEWEDNESS, s -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return MetricValue.of(1, "late");
        }));
        long started = System.nanoTime();
        RatingResult result = new RatingEngine(metrics, executor, Duration.ofMillis(300), activity)
                .rate(Subjects.model("a/b").build());
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5.0);
        assertThat(result.failures().get(RatingMetric.REVIEWEDNESS)).startsWith("timed out");
        assertThat(result.latencySeconds().get(RatingMetric.REVIEWEDNESS)).isEqualTo(0.3);
        assertThat(activity.snapshot().slowest().metric()).isEqualTo("reviewedness");
    }

    @Test
    void aSaturatedExecutorFailsMetricsInsteadOfQueueingForever() {
        var tiny = new java.util.concurrent.ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(1));
        // Every metric holds the only thread for a moment, so the third submission meets a full pool and queue
        // whatever the scheduling (with instant metrics the pool might drain between submissions).
        List<Metric> slow = new ArrayList<>();
        for (RatingMetric id : NetScore.WEIGHTS.keySet()) {
            slow.add(metric(id, s -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return MetricValue.of(1, "slow");
            }));
        }
        try {
            RatingResult result = new RatingEngine(slow, tiny, Duration.ofSeconds(5), activity)
                    .rate(Subjects.model("a/b").build());
            assertThat(result.failed()).isTrue();
            assertThat(result.reasons().values()).anyMatch(r -> r.contains("saturated"));
        } finally {
            tiny.shutdownNow();
        }
    }
}
