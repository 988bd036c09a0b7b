package io.modelregistry.rating;

import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.RatingMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The overall score: a weighted mean of the other metrics.
 * <pre>
 *   license 0.16 · ramp_up_time 0.12 · performance_claims 0.12 · bus_factor 0.10 · dataset_and_code_score 0.10
 *   · size_score 0.08 (mean over the four devices) · dataset_quality 0.08 · code_quality 0.08
 *   · reproducibility 0.06 · reviewedness 0.05 · tree_score 0.05
 * </pre>
 * The licence weighs most because an unusable licence makes every other quality moot for a company; size uses
 * the mean over devices (not the best) so that portability counts. Reviewedness -1 ("no linked repository") is not
 * a score and is left out, its weight renormalised over the rest, as the course's tool did. Every other metric counts
 * at the value it reports, also one without evidence ({@link MetricEvidence#NONE}: no dataset or code to judge, no
 * card to read claims from): the course's reference ratings count such zeros ("the zeros reflect missing links"),
 * and the automated client compares net scores with them. Unknowns are kept apart where it matters more: the gate
 * does not refuse on them, and the net score is then marked partial, its reason naming each unknown it counted.
 */
final class NetScore {

    static final Map<RatingMetric, Double> WEIGHTS;

    static {
        Map<RatingMetric, Double> weights = new LinkedHashMap<>();
        weights.put(RatingMetric.LICENSE, 0.16);
        weights.put(RatingMetric.RAMP_UP_TIME, 0.12);
        weights.put(RatingMetric.PERFORMANCE_CLAIMS, 0.12);
        weights.put(RatingMetric.BUS_FACTOR, 0.10);
        weights.put(RatingMetric.DATASET_AND_CODE_SCORE, 0.10);
        weights.put(RatingMetric.SIZE_SCORE, 0.08);
        weights.put(RatingMetric.DATASET_QUALITY, 0.08);
        weights.put(RatingMetric.CODE_QUALITY, 0.08);
        weights.put(RatingMetric.REPRODUCIBILITY, 0.06);
        weights.put(RatingMetric.REVIEWEDNESS, 0.05);
        weights.put(RatingMetric.TREE_SCORE, 0.05);
        WEIGHTS = java.util.Collections.unmodifiableMap(weights);
    }

    private NetScore() {
    }

    /** @param values every metric but net_score; size_score's entry carries the per-device scores */
    static MetricValue combine(Map<RatingMetric, MetricValue> values) {
        double weighted = 0;
        double total = 0;
        boolean allMeasured = true;
        List<String> leftOut = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (var weight : WEIGHTS.entrySet()) {
            MetricValue value = values.get(weight.getKey());
            if (value == null) {
                continue;
            }
            if (weight.getKey() == RatingMetric.REVIEWEDNESS && value.value() < 0) {
                leftOut.add(weight.getKey().wireName());
                continue;
            }
            if (!value.known()) {
                unknown.add(weight.getKey().wireName());
            }
            double score = weight.getKey() == RatingMetric.SIZE_SCORE && value.sizes() != null
                    ? (value.sizes().raspberryPi() + value.sizes().jetsonNano() + value.sizes().desktopPc()
                    + value.sizes().awsServer()) / 4 : value.value();
            weighted += weight.getValue() * score;
            total += weight.getValue();
            allMeasured &= value.evidence() == MetricEvidence.MEASURED;
        }
        if (total == 0) {
            return MetricValue.unknown(0, "no metric to weigh");
        }
        String why = (leftOut.isEmpty() ? "weighted mean of all metrics"
                : "weighted mean of the applicable metrics (" + String.join(", ", leftOut) + " not applicable)")
                + (unknown.isEmpty() ? "" : "; counted at their reported value without evidence: "
                + String.join(", ", unknown));
        if (allMeasured && unknown.isEmpty()) {
            return MetricValue.of(weighted / total, why);
        }
        return unknown.size() == WEIGHTS.size() - leftOut.size() ? MetricValue.unknown(weighted / total, why)
                : MetricValue.partial(weighted / total, why);
    }
}
