package io.modelregistry.command.group;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of group transactions.
 *
 * @param timeToLive   how long a transaction may stay open; unexecuted past it, it is expired and takes nothing more
 * @param maxOpen      open transactions one user may hold at once (a begin beyond it is refused with 429)
 * @param maxCommands  commands one transaction may hold (each one's events are appended in the one commit)
 */
@Validated
@ConfigurationProperties("registry.groups")
record GroupSettings(@NotNull @DefaultValue("PT15M") Duration timeToLive,
                     @Min(1) @Max(1000) @DefaultValue("10") int maxOpen,
                     @Min(1) @Max(100) @DefaultValue("20") int maxCommands) {

    GroupSettings {
        if (timeToLive != null && (timeToLive.isNegative() || timeToLive.isZero())) {
            throw new IllegalArgumentException("registry.groups.time-to-live must be positive");
        }
    }
}
