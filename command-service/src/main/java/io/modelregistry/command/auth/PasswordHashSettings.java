package io.modelregistry.command.auth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many password hashes run at once and how long a login waits for a turn; see {@link PasswordHasher}. Small
 * values let a test reach the 429 with a handful of logins instead of a flood.
 *
 * @param maxConcurrentHashes hashes at once; 0 (the default) for {@link PasswordHasher#defaultConcurrency()}
 * @param hashWait            the longest a login waits for a turn before it is answered 429
 */
@Validated
@ConfigurationProperties("registry.auth")
public record PasswordHashSettings(@Min(0) @Max(1000) @DefaultValue("0") int maxConcurrentHashes,
                                   @NotNull @DefaultValue("10s") Duration hashWait) {

    public PasswordHashSettings {
        if (hashWait != null && hashWait.isNegative()) {
            throw new IllegalArgumentException("registry.auth.hash-wait must not be negative");
        }
    }
}
