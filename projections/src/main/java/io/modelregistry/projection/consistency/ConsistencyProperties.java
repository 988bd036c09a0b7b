package io.modelregistry.projection.consistency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long writes and reads wait for the read models, and how often a projection may fail on one event.
 *
 * @param timeout      a write waits at most this long for every read model to apply it (then answers anyway; the
 *                     write is durable, and reads say they are behind until the read models catch up)
 * @param readTimeout  a read waits at most this long for the read models to reach every acknowledged write (after
 *                     a restart: the whole log), then answers 503
 * @param maxAttempts  failed attempts in a row on one event before its processor is stopped
 * @param readsAwaitHead every read first waits for the read models to reach the log's head as it is then: for
 *                     read models of this node's own on a log that other nodes write to, where a write answered by
 *                     another node is in the log but not yet in this node's read models (the launcher sets it
 *                     for that combination; off, reads wait only for what this node acknowledged)
 */
@Validated
@ConfigurationProperties("registry.read-your-writes")
public record ConsistencyProperties(@NotNull @DefaultValue("PT10S") Duration timeout,
                                    @NotNull @DefaultValue("PT5S") Duration readTimeout,
                                    @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
                                    @DefaultValue("false") boolean readsAwaitHead) {

    public ConsistencyProperties {
        requirePositive(timeout, "registry.read-your-writes.timeout");
        requirePositive(readTimeout, "registry.read-your-writes.read-timeout");
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("registry.read-your-writes.max-attempts must be 1-100, was " + maxAttempts);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(name + " must be a duration from 1 ms to 10 minutes, was " + value);
        }
    }
}
