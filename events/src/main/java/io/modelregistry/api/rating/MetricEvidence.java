package io.modelregistry.api.rating;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of what a metric judges was there to judge. A metric without evidence answers a fixed value (the
 * table in docs/ratings.md), and that value says nothing about the model: the net score and the ingest gate
 * leave such a metric out rather than read it as poor quality.
 */
public enum MetricEvidence {
    /** Everything the metric reads was there; a low value is evidence of low quality. */
    MEASURED,
    /** Some of it was there (one of two histories, some datasets reachable, some commits answered). */
    PARTIAL,
    /** Nothing the metric judges was there (not linked, not reachable, not served): unknown, not bad. */
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MetricEvidence> fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName().equals(name)).findFirst();
    }
}
