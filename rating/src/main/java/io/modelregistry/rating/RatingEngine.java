package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates one model: runs every metric concurrently on a bounded, shared executor, waits for each at most the
 * metric timeout (all start together, so the rating takes at most about that long), times each in seconds,
 * and combines them into net_score. A metric that throws or times out is a failed metric: logged (type and
 * message only; our messages never carry tokens), recorded for health, and the rating as a whole is a failure.
 * {@code net_score}'s latency is the wall time of the whole rating (the metrics run in parallel).
 */
final class RatingEngine {

    private static final Logger log = LoggerFactory.getLogger(RatingEngine.class);
    private static final int MAX_MESSAGE = 200;

    private final List<Metric> metrics;
    private final ExecutorService executor;
    private final Duration metricTimeout;
    private final RatingActivity activity;

    RatingEngine(List<Metric> metrics, ExecutorService executor, Duration metricTimeout, RatingActivity activity) {
        this.metrics = List.copyOf(metrics);
        this.executor = executor;
        this.metricTimeout = metricTimeout;
        this.activity = activity;
    }

    private record Timed(MetricValue value, double seconds, Throwable failure) {
    }

    RatingResult rate(RatingSubject subject) {
        long started = System.nanoTime();
        String category = ModelCategory.of(subject);
        Map<RatingMetric, Future<Timed>> running = new EnumMap<>(RatingMetric.class);
        Map<RatingMetric, MetricValue> values = new EnumMap<>(RatingMetric.class);
        Map<RatingMetric, Double> latencies = new EnumMap<>(RatingMetric.class);
        Map<RatingMetric, String> failures = new EnumMap<>(RatingMetric.class);
        for (Metric metric : metrics) {
            try {
                running.put(metric.id(), executor.submit(() -> timed(metric, subject)));
            } catch (RejectedExecutionException e) {
                failures.put(metric.id(), "the rating executor is saturated; try again later");
                latencies.put(metric.id(), 0.0);
            }
        }
        long deadline = started + metricTimeout.toNanos();
        for (var entry : running.entrySet()) {
            RatingMetric id = entry.getKey();
            try {
                Timed timed = entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                latencies.put(id, seconds(timed.seconds()));
                if (timed.failure() != null) {
                    failures.put(id, describe(timed.failure()));
                } else {
                    values.put(id, timed.value());
                }
            } catch (TimeoutException e) {
                entry.getValue().cancel(true);
                failures.put(id, "timed out after " + (metricTimeout.toMillis() < 1000
                        ? metricTimeout.toMillis() + " ms" : metricTimeout.toSeconds() + " s"));
                latencies.put(id, seconds(metricTimeout.toNanos() / 1e9));
            } catch (ExecutionException e) {
                failures.put(id, describe(e.getCause()));
                latencies.put(id, seconds((System.nanoTime() - started) / 1e9));
            } catch (InterruptedException e) {
                running.values().forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                failures.put(id, "interrupted");
                latencies.put(id, seconds((System.nanoTime() - started) / 1e9));
            }
        }
        if (failures.isEmpty()) {
            values.put(RatingMetric.NET_SCORE, NetScore.combine(values));
        } else {
            failures.forEach((metric, why) -> log.warn("rating of model '{}' ({}): metric {} failed: {}", subject.name(),
                    subject.repoId(), metric.wireName(), why));
        }
        double total = (System.nanoTime() - started) / 1e9;
        latencies.put(RatingMetric.NET_SCORE, seconds(total));
        RatingResult result = new RatingResult(subject.name(), category, values, latencies, failures, seconds(total));
        activity.record(subject.name(), result);
        return result;
    }

    private static Timed timed(Metric metric, RatingSubject subject) {
        long start = System.nanoTime();
        try {
            MetricValue value = metric.compute(subject);
            return new Timed(value, (System.nanoTime() - start) / 1e9, null);
        } catch (RuntimeException | Error e) {
            return new Timed(null, (System.nanoTime() - start) / 1e9, e);
        }
    }

    /** Type and a bounded message: enough to act on; never request headers or tokens (we put none in messages). */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().replaceAll("\\s+", " ");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** Seconds with 0.1 ms resolution. */
    private static double seconds(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
