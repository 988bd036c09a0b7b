package io.modelregistry.api.rating;

import java.util.Map;

/**
 * The 26 values of the contract's {@code ModelRating}: the model's name and category, twelve scores and the
 * time each took to compute, in seconds (keyed by {@link RatingMetric#wireName()}).
 */
public record ModelRating(String name, String category, RatingScores scores, Map<String, Double> latencySeconds) {

    public ModelRating {
        latencySeconds = RatingOutcome.ordered(latencySeconds);
    }

    public double latency(RatingMetric metric) {
        return latencySeconds.getOrDefault(metric.wireName(), 0.0);
    }
}
