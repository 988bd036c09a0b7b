package io.modelregistry.query.rating;

import io.modelregistry.api.rating.ContractRating;
import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingScores;
import io.modelregistry.api.rating.StoredRating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /artifact/model/{id}/rate/reasons}: one entry per metric, in the contract's order, with
 * the value {@code /rate} gives, the evidence it rests on, whether the net score counted it, and the stored reason.
 */
final class RatingReasons {

    static final String FAILED = "failed";
    static final String UNRECORDED = "unrecorded";

    private RatingReasons() {
    }

    static Map<String, Object> of(StoredRating stored) {
        RatingOutcome outcome = stored.outcome();
        RatingScores scores = outcome.rating().scores();
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (RatingMetric metric : RatingMetric.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("metric", metric.wireName());
            entry.put("value", scores.of(metric));
            if (metric == RatingMetric.SIZE_SCORE) {
                entry.put("devices", ContractRating.devices(scores.sizeScore()));
            }
            String evidence = evidence(outcome, metric);
            entry.put("evidence", evidence);
            if (metric != RatingMetric.NET_SCORE) {
                entry.put("counts_in_net_score", countsInNetScore(metric, evidence, scores.of(metric)));
            }
            entry.put("reason", outcome.reasons().getOrDefault(metric.wireName(), ""));
            metrics.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("artifact_id", stored.artifactId());
        body.put("version", stored.version());
        body.put("rated_at", stored.ratedAt().toString());
        body.put("trigger", outcome.trigger().name());
        body.put("rated_by", stored.ratedBy());
        body.put("failed_metrics", outcome.failedMetrics());
        body.put("metrics", metrics);
        return body;
    }

    private static String evidence(RatingOutcome outcome, RatingMetric metric) {
        if (outcome.failedMetrics().contains(metric.wireName())
                || (metric == RatingMetric.NET_SCORE && outcome.failed())) { // not combined when a metric failed
            return FAILED;
        }
        return outcome.evidenceOf(metric).map(MetricEvidence::wireName).orElse(UNRECORDED);
    }

    /**
     * As the rating combined it: a failure and reviewedness -1 are left out of the net score; a metric without
     * evidence counts at the value it reports (as the course's reference ratings do), and its evidence says so.
     */
    private static boolean countsInNetScore(RatingMetric metric, String evidence, double value) {
        if (FAILED.equals(evidence)) {
            return false;
        }
        return !(metric == RatingMetric.REVIEWEDNESS && value < 0);
    }
}
