package io.modelregistry.command.auth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The login back-off ({@code REGISTRY_AUTH_BACKOFF_*}); see {@link LoginBackoff}.
 *
 * @param userFreeFailures    failed logins in a row for one user name before it must wait
 * @param addressFreeFailures failed logins from one address (without a quiet {@code window}) before it must wait;
 *                            higher, since an office behind one NAT address shares it
 * @param baseDelay           the first wait; each further failure doubles it
 * @param maxDelay            the longest wait
 * @param window              a quiet period after the last wait that forgets the failures
 * @param maxEntries          names (and, separately, addresses) remembered at most; the least recent go first
 */
@Validated
@ConfigurationProperties("registry.auth.backoff")
public record LoginBackoffSettings(
        @Min(1) @Max(1000) @DefaultValue("5") int userFreeFailures,
        @Min(1) @Max(100000) @DefaultValue("30") int addressFreeFailures,
        @NotNull @DefaultValue("1s") Duration baseDelay,
        @NotNull @DefaultValue("15m") Duration maxDelay,
        @NotNull @DefaultValue("15m") Duration window,
        @Min(1) @Max(10000000) @DefaultValue("10000") int maxEntries) {

    public LoginBackoffSettings {
        if (baseDelay == null || maxDelay == null || window == null || baseDelay.isNegative() || baseDelay.isZero()
                || maxDelay.compareTo(baseDelay) < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("registry.auth.backoff: base-delay and window must be positive, "
                    + "max-delay at least base-delay");
        }
    }
}
