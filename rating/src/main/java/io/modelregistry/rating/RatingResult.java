package io.modelregistry.rating;

import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.ModelRating;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.RatingScores;
import io.modelregistry.api.rating.SizeScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine computed for one model: every metric's value (net_score included), its latency in seconds,
 * and the metrics that failed with why. A failed metric's value is 0 (and net_score is not computed).
 */
record RatingResult(String name, String category, Map<RatingMetric, MetricValue> values,
                    Map<RatingMetric, Double> latencySeconds, Map<RatingMetric, String> failures,
                    double totalSeconds) {

    boolean failed() {
        return !failures.isEmpty();
    }

    List<String> failedMetrics() {
        return failures.keySet().stream().map(RatingMetric::wireName).sorted().toList();
    }

    double value(RatingMetric metric) {
        MetricValue value = values.get(metric);
        return value == null ? 0 : value.value();
    }

    ModelRating toModelRating() {
        MetricValue size = values.get(RatingMetric.SIZE_SCORE);
        SizeScores sizes = size == null || size.sizes() == null ? SizeScores.zero() : size.sizes();
        RatingScores scores = new RatingScores(value(RatingMetric.NET_SCORE), value(RatingMetric.RAMP_UP_TIME),
                value(RatingMetric.BUS_FACTOR), value(RatingMetric.PERFORMANCE_CLAIMS), value(RatingMetric.LICENSE), sizes,
                value(RatingMetric.DATASET_AND_CODE_SCORE), value(RatingMetric.DATASET_QUALITY),
                value(RatingMetric.CODE_QUALITY), value(RatingMetric.REPRODUCIBILITY), value(RatingMetric.REVIEWEDNESS),
                value(RatingMetric.TREE_SCORE));
        Map<String, Double> latencies = new LinkedHashMap<>();
        for (RatingMetric metric : RatingMetric.values()) {
            latencies.put(metric.wireName(), latencySeconds.getOrDefault(metric, 0.0));
        }
        return new ModelRating(name, category, scores, latencies);
    }

    /**
     * One line per metric: the failure when it failed, else why it has its value, opening with which case it is
     * ({@link #wording}), so that a reader of the line alone knows an unknown from a poor value.
     */
    Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (RatingMetric metric : RatingMetric.values()) {
            String failure = failures.get(metric);
            MetricValue value = values.get(metric);
            if (failure != null) {
                reasons.put(metric.wireName(), "failed: " + failure);
            } else if (value != null && value.reason() != null) {
                reasons.put(metric.wireName(), wording(value.evidence()) + value.reason());
            }
        }
        return reasons;
    }

    /** Per computed metric, whether it was measured, partly measured or had no evidence (wire names). */
    Map<String, String> evidence() {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (RatingMetric metric : RatingMetric.values()) {
            MetricValue value = values.get(metric);
            if (value != null && !failures.containsKey(metric)) {
                evidence.put(metric.wireName(), value.evidence().wireName());
            }
        }
        return evidence;
    }

    static String wording(MetricEvidence evidence) {
        return switch (evidence) {
            case MEASURED -> "measured: ";
            case PARTIAL -> "partly measured: ";
            case NONE -> "no evidence (unknown, not scored as poor): ";
        };
    }
}
