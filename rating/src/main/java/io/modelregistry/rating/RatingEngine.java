package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates one model: fetches the shared evidence the metrics need once, on the I/O pool; starts each metric on the
 * bounded metric pool as soon as its evidence is there; and gives each metric the metric timeout <em>from when it
 * starts</em>, so time spent queued behind other ratings' metrics or waiting for a fetch never counts against it.
 * Waiting to start is bounded too: a metric that has not started within the start timeout (its evidence still
 * not fetched, or no free thread) fails, so a rating takes at most about start timeout + metric timeout.
 * Metrics are timed in seconds from their start and combined into net_score. A metric that throws, times out or
 * cannot start is a failed metric: logged (type and message only; our messages never carry tokens), recorded for
 * health, and the rating as a whole is a failure. {@code net_score}'s latency is the wall time of the whole rating.
 */
final class RatingEngine {

    private static final Logger log = LoggerFactory.getLogger(RatingEngine.class);
    private static final int MAX_MESSAGE = 200;

    private final List<Metric> metrics;
    private final ExecutorService metricPool;
    private final ExecutorService ioPool;
    private final Duration metricTimeout;
    private final Duration startTimeout;
    private final RatingActivity activity;

    /**
     * @param ioPool       where shared evidence is fetched; null fetches it lazily on the first metric's thread
     * @param startTimeout how long a metric may wait for its evidence and a free thread before it starts
     */
    RatingEngine(List<Metric> metrics, ExecutorService metricPool, ExecutorService ioPool, Duration metricTimeout,
                 Duration startTimeout, RatingActivity activity) {
        this.metrics = List.copyOf(metrics);
        this.metricPool = metricPool;
        this.ioPool = ioPool;
        this.metricTimeout = metricTimeout;
        this.startTimeout = startTimeout;
        this.activity = activity;
    }

    /** One pool for everything, evidence fetched lazily, as long to start as to run (tests of the engine alone). */
    RatingEngine(List<Metric> metrics, ExecutorService executor, Duration metricTimeout, RatingActivity activity) {
        this(metrics, executor, null, metricTimeout, metricTimeout, activity);
    }

    private record Timed(MetricValue value, double seconds, Throwable failure) {
    }

    /** One metric of one rating: submitted when its evidence is there, timed from when a thread picks it up. */
    private final class Run {
        final Metric metric;
        final long startBy;
        final CountDownLatch started = new CountDownLatch(1);
        final CompletableFuture<Timed> done = new CompletableFuture<>();
        volatile long startedAt;
        volatile boolean rejected;
        /** A thread came free only after the start deadline: the metric is failed, never started late. */
        volatile boolean late;
        volatile boolean abandoned;
        volatile Future<?> task;

        Run(Metric metric, long startBy) {
            this.metric = metric;
            this.startBy = startBy;
        }

        void submit(RatingSubject subject) {
            if (abandoned) {
                return;
            }
            try {
                task = metricPool.submit(() -> {
                    if (abandoned) {
                        return;
                    }
                    if (System.nanoTime() - startBy > 0) {
                        // the rating stops waiting for it at this instant; a thread picking it up a moment before
                        // the rating looks must not make it count as started in time
                        late = true;
                        started.countDown();
                        return;
                    }
                    startedAt = System.nanoTime();
                    started.countDown();
                    done.complete(timed(metric, subject));
                });
            } catch (RejectedExecutionException e) {
                rejected = true;
                started.countDown();
            }
        }

        void abandon() {
            abandoned = true;
            Future<?> running = task;
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    RatingResult rate(RatingSubject subject) {
        long begun = System.nanoTime();
        long startBy = begun + startTimeout.toNanos();
        String category = ModelCategory.of(subject);
        List<Run> runs = new ArrayList<>();
        for (Metric metric : metrics) {
            Run run = new Run(metric, startBy);
            runs.add(run);
            CompletableFuture<Void> ready = ioPool == null || metric.needs().isEmpty()
                    ? CompletableFuture.completedFuture(null) : subject.prefetch(metric.needs(), ioPool);
            if (ready.isDone()) {
                run.submit(subject); // on this thread: a saturated pool shows at once
            } else {
                ready.thenRun(() -> run.submit(subject));
            }
        }
        Map<RatingMetric, MetricValue> values = new EnumMap<>(RatingMetric.class);
        Map<RatingMetric, Double> latencies = new EnumMap<>(RatingMetric.class);
        Map<RatingMetric, String> failures = new EnumMap<>(RatingMetric.class);
        for (Run run : runs) {
            RatingMetric id = run.metric.id();
            try {
                if (!run.started.await(Math.max(0, startBy - System.nanoTime()), TimeUnit.NANOSECONDS) || run.late) {
                    run.abandon();
                    failures.put(id, "timed out waiting " + describe(startTimeout) + " to start (its evidence was"
                            + " not fetched in time, or no rating thread was free)");
                    latencies.put(id, 0.0);
                    continue;
                }
                if (run.rejected) {
                    failures.put(id, "the rating executor is saturated; try again later");
                    latencies.put(id, 0.0);
                    continue;
                }
                long deadline = run.startedAt + metricTimeout.toNanos();
                Timed timed = run.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (timed.seconds() > metricTimeout.toNanos() / 1e9) {
                    // it finished before we looked, but after its deadline: over time is over time
                    throw new TimeoutException();
                }
                latencies.put(id, seconds(timed.seconds()));
                if (timed.failure() != null) {
                    failures.put(id, describe(timed.failure()));
                } else {
                    values.put(id, timed.value());
                }
            } catch (TimeoutException e) {
                run.abandon();
                failures.put(id, "timed out after " + describe(metricTimeout));
                latencies.put(id, seconds(metricTimeout.toNanos() / 1e9));
            } catch (ExecutionException e) {
                failures.put(id, describe(e.getCause()));
                latencies.put(id, seconds((System.nanoTime() - run.startedAt) / 1e9));
            } catch (InterruptedException e) {
                runs.forEach(Run::abandon);
                Thread.currentThread().interrupt();
                failures.put(id, "interrupted");
                latencies.put(id, 0.0);
            }
        }
        if (failures.isEmpty()) {
            values.put(RatingMetric.NET_SCORE, NetScore.combine(values));
        } else {
            failures.forEach((metric, why) -> log.warn("rating of model '{}' ({}): metric {} failed: {}", subject.name(),
                    subject.repoId(), metric.wireName(), why));
        }
        double total = (System.nanoTime() - begun) / 1e9;
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

    private static String describe(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
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
