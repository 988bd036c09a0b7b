package io.modelregistry.rating;

import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.RatingScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ingest gate's rule: every non-latency metric must be at least {@value #THRESHOLD}, where
 * {@code reviewedness} of -1 (no linked repository, or not measurable) is not applicable and {@code size_score}
 * counts by its best device, and a metric without evidence (its documented "unknown" value) is left out. {@code net_score} is not gated: it is a weighted mean of the gated metrics, so a
 * model passing them all has a net score of at least 0.5 anyway, and gating it would only count them twice.
 */
final class IngestGate {

    static final double THRESHOLD = 0.5;

    private IngestGate() {
    }

    /** The metrics below the threshold, with their values (for size_score the best device's); empty = passes. */
    static Map<String, Double> findings(RatingScores scores) {
        return findings(scores, Map.of());
    }

    /**
     * As {@link #findings(RatingScores)}, leaving out the metrics whose evidence (metric wire name → wire name)
     * is {@code none}: their value is the metric's "unknown", not a judgement the gate could refuse on.
     */
    static Map<String, Double> findings(RatingScores scores, Map<String, String> evidence) {
        Map<String, Double> failing = new LinkedHashMap<>();
        for (RatingMetric metric : RatingMetric.values()) {
            if (metric == RatingMetric.NET_SCORE) {
                continue;
            }
            double value = scores.of(metric);
            if (metric == RatingMetric.REVIEWEDNESS && value < 0
                    || MetricEvidence.NONE.wireName().equals(evidence.get(metric.wireName()))) {
                continue;
            }
            if (value < THRESHOLD) {
                failing.put(metric.wireName(), value);
            }
        }
        return failing;
    }
}
