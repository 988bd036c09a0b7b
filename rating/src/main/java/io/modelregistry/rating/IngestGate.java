package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.RatingScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ingest gate's rule: every non-latency metric must be at least {@value #THRESHOLD}, where
 * {@code reviewedness} of -1 (no linked repository, or not measurable) is not applicable and {@code size_score}
 * counts by its best device. {@code net_score} is not gated: it is a weighted mean of the gated metrics, so a
 * model passing them all has a net score of at least 0.5 anyway, and gating it would only count them twice.
 */
final class IngestGate {

    static final double THRESHOLD = 0.5;

    private IngestGate() {
    }

    /** The metrics below the threshold, with their values (for size_score the best device's); empty = passes. */
    static Map<String, Double> findings(RatingScores scores) {
        Map<String, Double> failing = new LinkedHashMap<>();
        for (RatingMetric metric : RatingMetric.values()) {
            if (metric == RatingMetric.NET_SCORE) {
                continue;
            }
            double value = scores.of(metric);
            if (metric == RatingMetric.REVIEWEDNESS && value < 0) {
                continue;
            }
            if (value < THRESHOLD) {
                failing.put(metric.wireName(), value);
            }
        }
        return failing;
    }
}
