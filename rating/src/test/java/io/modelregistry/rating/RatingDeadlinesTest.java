package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.RatingMetric;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each metric's deadline runs from its own start; shared evidence is fetched once, on the I/O pool. */
class RatingDeadlinesTest {

    private final ExecutorService metricPool = ModelRatings.pool("test-metric", 1);
    private final ExecutorService ioPool = ModelRatings.pool("test-io", 4);
    private final RatingActivity activity = new RatingActivity(Clock.systemUTC());

    @AfterEach
    void stop() {
        metricPool.shutdownNow();
        ioPool.shutdownNow();
    }

    private static Metric metric(RatingMetric id, Set<Evidence> needs, Function<RatingSubject, MetricValue> body) {
        return new Metric() {
            @Override
            public RatingMetric id() {
                return id;
            }

            @Override
            public Set<Evidence> needs() {
                return needs;
            }

            @Override
            public MetricValue compute(RatingSubject subject) {
                return id == RatingMetric.SIZE_SCORE ? new SizeScore().compute(subject) : body.apply(subject);
            }
        };
    }

    private static MetricValue sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        return MetricValue.of(1, "slept " + millis + " ms");
    }

    @Test
    void aMetricQueuedBehindOthersIsNotTimedOutByTheQueue() {
        // one thread, eleven metrics of 100 ms each, 300 ms per metric: the last starts ~1 s after the rating does
        List<Metric> metrics = new ArrayList<>();
        for (RatingMetric id : NetScore.WEIGHTS.keySet()) {
            metrics.add(metric(id, Set.of(), s -> sleep(100)));
        }
        RatingResult result = new RatingEngine(metrics, metricPool, ioPool, Duration.ofMillis(300),
                Duration.ofSeconds(10), activity).rate(Subjects.model("a/b").build());
        assertThat(result.failures()).isEmpty();
        assertThat(result.totalSeconds()).isGreaterThan(0.9);
        result.latencySeconds().forEach((metric, seconds) -> {
            if (metric != RatingMetric.NET_SCORE) {
                assertThat(seconds).as(metric.wireName()).isLessThan(0.3);
            }
        });
    }

    @Test
    void aMetricStillQueuedAtTheStartTimeoutFailsAsTimedOutBeforeItStarted() {
        List<Metric> metrics = new ArrayList<>();
        for (RatingMetric id : NetScore.WEIGHTS.keySet()) {
            metrics.add(metric(id, Set.of(), s -> sleep(200)));
        }
        long begun = System.nanoTime();
        RatingResult result = new RatingEngine(metrics, metricPool, ioPool, Duration.ofSeconds(5),
                Duration.ofMillis(500), activity).rate(Subjects.model("a/b").build());
        assertThat((System.nanoTime() - begun) / 1e9).isLessThan(3.0);
        assertThat(result.failed()).isTrue();
        assertThat(result.failures().values()).anyMatch(why -> why.startsWith("timed out waiting 500 ms to start"));
        assertThat(result.failures().size()).isLessThan(NetScore.WEIGHTS.size()); // the first ones did run
    }

    @Test
    void sharedEvidenceIsFetchedOnceOnTheIoPoolAndMetricsWaitingForItHoldNoThread() {
        Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
        Map<String, String> fetchedOn = new ConcurrentHashMap<>();
        EvidenceSource slowHub = new EvidenceSource() {
            @Override
            public DatasetEvidence dataset(String id) {
                fetches.computeIfAbsent("dataset " + id, k -> new AtomicInteger()).incrementAndGet();
                fetchedOn.put("dataset " + id, Thread.currentThread().getName());
                sleep(400);
                return Subjects.dataset(id, "# card", 10, 1);
            }

            @Override
            public RepositoryEvidence repository(String fullName) {
                fetches.computeIfAbsent("repo " + fullName, k -> new AtomicInteger()).incrementAndGet();
                fetchedOn.put("repo " + fullName, Thread.currentThread().getName());
                sleep(400);
                return Subjects.repo(fullName, "User", 5, "MIT", List.of(), List.of("model.py"));
            }

            @Override
            public CloneEvidence clone(RepositoryEvidence repository) {
                fetches.computeIfAbsent("clone", k -> new AtomicInteger()).incrementAndGet();
                return CloneEvidence.none("no clone in this test");
            }

            @Override
            public ReviewLookup approvedPullRequest(String fullName, String commitSha, long deadlineNanos) {
                return ReviewLookup.unknown("not in this test");
            }

            @Override
            public ModelHistory modelHistory(String repoId) {
                return ModelHistory.unknown("not in this test");
            }

            @Override
            public List<RatedModels.RatedModel> ratedModels(String repoIdOrName) {
                return List.of();
            }
        };
        List<Metric> metrics = new ArrayList<>();
        for (RatingMetric id : NetScore.WEIGHTS.keySet()) {
            Set<Evidence> needs = switch (id) {
                case DATASET_QUALITY, DATASET_AND_CODE_SCORE -> Set.of(Evidence.DATASETS, Evidence.REPOSITORIES);
                case BUS_FACTOR, REVIEWEDNESS, CODE_QUALITY -> Set.of(Evidence.CLONE);
                default -> Set.of();
            };
            metrics.add(metric(id, needs, s -> {
                if (needs.contains(Evidence.DATASETS)) {
                    return MetricValue.of(s.datasets().size() / 2.0, s.repositories().size() + " repositories");
                }
                if (needs.contains(Evidence.CLONE)) {
                    return MetricValue.of(s.primaryClone().available() ? 1 : 0, "clone read");
                }
                return MetricValue.of(1, "no evidence needed");
            }));
        }
        RatingSubject subject = Subjects.model("a/b").readme("---\ndatasets: [squad, glue]\n---\n"
                + "code: https://github.com/acme/code").build(slowHub);
        // a single metric thread: if metrics waited for the 800 ms of fetches on it, 300 ms each would not do
        RatingResult result = new RatingEngine(metrics, metricPool, ioPool, Duration.ofMillis(300),
                Duration.ofSeconds(10), activity).rate(subject);
        subject.close();
        assertThat(result.failures()).isEmpty();
        assertThat(fetches).containsOnlyKeys("dataset squad", "dataset glue", "repo acme/code", "clone");
        fetches.values().forEach(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(fetchedOn.values()).allMatch(thread -> thread.startsWith("test-io-"));
        assertThat(result.latencySeconds().get(RatingMetric.DATASET_QUALITY)).isLessThan(0.3);
    }
}
