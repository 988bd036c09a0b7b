package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Recent ratings for the health dashboard: how many, how many failed and why (the last
 * {@value #MAX_FAILURES}), and the slowest metric among the last {@value #MAX_RECENT} ratings. In memory only;
 * the ratings themselves are events.
 */
public class RatingActivity {

    static final int MAX_FAILURES = 20;
    static final int MAX_RECENT = 100;

    /** One failed metric of one rating. */
    public record Failure(Instant at, String model, String metric, String reason) {
    }

    /** The slowest metric of one rating. */
    public record Slowest(Instant at, String model, String metric, double seconds, double ratingSeconds) {
    }

    /** What health shows. */
    public record Snapshot(long ratings, long failedRatings, List<Failure> recentFailures, Slowest slowest,
                           double meanRatingSeconds, Instant lastRatedAt) {
    }

    private final Clock clock;
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Deque<Slowest> recent = new ArrayDeque<>();
    private long ratings;
    private long failedRatings;

    public RatingActivity(Clock clock) {
        this.clock = clock;
    }

    synchronized void record(String model, RatingResult result) {
        Instant now = clock.instant();
        ratings++;
        if (result.failed()) {
            failedRatings++;
            result.failures().forEach((metric, why) -> {
                failures.addLast(new Failure(now, model, metric.wireName(), why));
                if (failures.size() > MAX_FAILURES) {
                    failures.removeFirst();
                }
            });
        }
        String slowestMetric = null;
        double slowestSeconds = -1;
        for (var entry : result.latencySeconds().entrySet()) {
            if (entry.getKey() != RatingMetric.NET_SCORE && entry.getValue() > slowestSeconds) {
                slowestMetric = entry.getKey().wireName();
                slowestSeconds = entry.getValue();
            }
        }
        recent.addLast(new Slowest(now, model, slowestMetric, Math.max(0, slowestSeconds), result.totalSeconds()));
        if (recent.size() > MAX_RECENT) {
            recent.removeFirst();
        }
    }

    public synchronized Snapshot snapshot() {
        Slowest slowest = recent.stream().max((a, b) -> Double.compare(a.seconds(), b.seconds())).orElse(null);
        double mean = recent.stream().mapToDouble(Slowest::ratingSeconds).average().orElse(0);
        Instant last = recent.isEmpty() ? null : recent.getLast().at();
        return new Snapshot(ratings, failedRatings, new ArrayList<>(failures), slowest, mean, last);
    }
}
