package io.modelregistry.command.rating;

import io.modelregistry.rating.RatingSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code registry.rating.*}: the bounds of a rating (see {@link RatingSettings} for what each one bounds), and
 * the ingest gate's policy ({@code gate}: the launcher maps {@code REGISTRY_INGEST_GATE} onto it).
 * Durations are Spring durations ({@code 30s}, {@code PT30S}); a value out of range stops start-up with a
 * message naming the property.
 */
@Validated
@ConfigurationProperties(prefix = "registry.rating")
record RatingProperties(
        @NotNull @DefaultValue("30s") Duration metricTimeout,
        @Min(1) @Max(256) @DefaultValue("8") int threads,
        @NotNull @DefaultValue("15s") Duration cloneTimeout,
        @NotNull @DefaultValue("100MB") DataSize cloneMaxSize,
        @NotNull @DefaultValue("10s") Duration blameBudget,
        @Min(1) @Max(100_000) @DefaultValue("300") int maxBlameFiles,
        @Min(0) @Max(10_000) @DefaultValue("60") int maxReviewLookups,
        Duration startTimeout,
        @Min(1) @Max(256) @DefaultValue("16") int ioThreads,
        @NotNull @DefaultValue("enforce") String gate) {

    /** @param startTimeout unset: twice the metric timeout, so a short metric timeout shortens the wait to start too */
    RatingProperties {
        if (startTimeout == null && metricTimeout != null) {
            startTimeout = metricTimeout.multipliedBy(2);
        }
        positive(metricTimeout, "metric-timeout");
        positive(cloneTimeout, "clone-timeout");
        positive(blameBudget, "blame-budget");
        positive(startTimeout, "start-timeout");
        if (cloneMaxSize != null && cloneMaxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("registry.rating.clone-max-size must be positive");
        }
    }

    private static void positive(Duration duration, String name) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("registry.rating." + name + " must be positive");
        }
    }

    RatingSettings settings() {
        return new RatingSettings(metricTimeout, threads, cloneTimeout, cloneMaxSize.toBytes(), blameBudget,
                maxBlameFiles, maxReviewLookups, startTimeout, ioThreads);
    }
}
