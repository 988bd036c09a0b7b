package io.modelregistry.api.rating;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics of a model rating, named as the contract's {@code ModelRating} names them. Every metric has a
 * {@code <name>_latency} field in seconds next to it.
 */
public enum RatingMetric {
    NET_SCORE("net_score"),
    RAMP_UP_TIME("ramp_up_time"),
    BUS_FACTOR("bus_factor"),
    PERFORMANCE_CLAIMS("performance_claims"),
    LICENSE("license"),
    SIZE_SCORE("size_score"),
    DATASET_AND_CODE_SCORE("dataset_and_code_score"),
    DATASET_QUALITY("dataset_quality"),
    CODE_QUALITY("code_quality"),
    REPRODUCIBILITY("reproducibility"),
    REVIEWEDNESS("reviewedness"),
    TREE_SCORE("tree_score");

    private final String wireName;

    RatingMetric(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String latencyField() {
        return wireName + "_latency";
    }

    public static Optional<RatingMetric> fromWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
