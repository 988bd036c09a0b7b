package io.modelregistry.rating;

import io.modelregistry.api.rating.SizeScores;

/**
 * What a metric computed: its score (for {@code size_score} the best device's), the per-device scores for
 * {@code size_score} only, and one line saying why.
 */
record MetricValue(double value, SizeScores sizes, String reason) {

    static MetricValue of(double value, String reason) {
        return new MetricValue(Scores.round(Scores.clamp(value)), null, reason);
    }

    /** {@code reviewedness}'s "does not apply". */
    static MetricValue notApplicable(String reason) {
        return new MetricValue(-1, null, reason);
    }
}
