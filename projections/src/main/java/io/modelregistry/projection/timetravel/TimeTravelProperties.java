package io.modelregistry.projection.timetravel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds of one {@code as_of} replay.
 *
 * @param maxEvents a replay of more events than this is refused (413): it bounds the replay's memory
 * @param timeout   a replay running longer than this is cut off (503)
 */
@Validated
@ConfigurationProperties("registry.time-travel")
public record TimeTravelProperties(@Min(1) @Max(10_000_000) @DefaultValue("100000") long maxEvents,
                                   @NotNull @DefaultValue("PT10S") Duration timeout) {

    public TimeTravelProperties {
        if (maxEvents < 1 || maxEvents > 10_000_000) {
            throw new IllegalArgumentException("registry.time-travel.max-events must be 1-10000000, was " + maxEvents);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("registry.time-travel.timeout must be positive and at most 5 minutes");
        }
    }
}
