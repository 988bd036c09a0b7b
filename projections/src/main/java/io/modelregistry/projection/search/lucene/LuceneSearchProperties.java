package io.modelregistry.projection.search.lucene;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Lucene index's timing: {@code registry.search.commit-interval} (how often applied events are made durable
 * in the index; a crash replays at most this much from the log) and {@code registry.search.regex-budget} (how
 * long one regular-expression query may scan before it is cut off with a clear answer).
 */
@Validated
@ConfigurationProperties(prefix = "registry.search")
record LuceneSearchProperties(@DefaultValue("PT1S") Duration commitInterval,
                              @DefaultValue("PT5S") Duration regexBudget) {

    LuceneSearchProperties {
        positive(commitInterval, "commit-interval");
        positive(regexBudget, "regex-budget");
    }

    private static void positive(Duration duration, String name) {
        if (duration != null && (duration.isNegative() || duration.isZero() || duration.toMinutes() > 10)) {
            throw new IllegalArgumentException("registry.search." + name + " must be positive and at most 10 minutes");
        }
    }
}
