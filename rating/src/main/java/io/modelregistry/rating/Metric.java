package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.util.Set;

/**
 * One metric of a model rating: a function of the subject (the model's stored content and the evidence the
 * subject fetches on demand). It returns a value with a one-line reason, or throws when it cannot be computed;
 * the engine times it and turns a throw or a timeout into a failed metric.
 */
interface Metric {

    RatingMetric id();

    MetricValue compute(RatingSubject subject);

    /** The shared evidence this metric reads; it starts once that is fetched (none: it starts at once). */
    default Set<Evidence> needs() {
        return Set.of();
    }
}
