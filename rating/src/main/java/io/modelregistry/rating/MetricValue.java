package io.modelregistry.rating;

import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.SizeScores;

/**
 * What a metric computed: its score (for {@code size_score} the best device's), the per-device scores for
 * {@code size_score} only, one line saying why, and whether that score rests on evidence: a value without
 * evidence ({@link MetricEvidence#NONE}) is the metric's documented "unknown" value, which the net score and
 * the gate leave out instead of reading it as poor quality.
 */
record MetricValue(double value, SizeScores sizes, String reason, MetricEvidence evidence) {

    MetricValue {
        evidence = evidence == null ? MetricEvidence.MEASURED : evidence;
    }

    MetricValue(double value, SizeScores sizes, String reason) {
        this(value, sizes, reason, MetricEvidence.MEASURED);
    }

    /** Measured: the metric read what it judges, so a low value means low quality. */
    static MetricValue of(double value, String reason) {
        return new MetricValue(Scores.round(Scores.clamp(value)), null, reason, MetricEvidence.MEASURED);
    }

    /** Measured from part of what the metric judges; the reason says which part is missing. */
    static MetricValue partial(double value, String reason) {
        return new MetricValue(Scores.round(Scores.clamp(value)), null, reason, MetricEvidence.PARTIAL);
    }

    /** No evidence: {@code value} is the metric's fixed "unknown" value, not a judgement of the model. */
    static MetricValue unknown(double value, String reason) {
        return new MetricValue(Scores.round(Scores.clamp(value)), null, reason, MetricEvidence.NONE);
    }

    /** {@code reviewedness}'s "not measured" (no repository, or none that could be examined): -1, no evidence. */
    static MetricValue notApplicable(String reason) {
        return new MetricValue(-1, null, reason, MetricEvidence.NONE);
    }

    MetricValue withEvidence(MetricEvidence newEvidence) {
        return new MetricValue(value, sizes, reason, newEvidence);
    }

    boolean known() {
        return evidence != MetricEvidence.NONE;
    }
}
