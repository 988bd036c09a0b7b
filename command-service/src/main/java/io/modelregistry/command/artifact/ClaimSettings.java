package io.modelregistry.command.artifact;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How duplicate-source claims treat a claim whose artifact is not (yet) in the event log.
 *
 * @param pendingTimeout how long such a claim is taken to belong to a registration still in flight; past it,
 *                       the claim is one a crash left between claim and append, and the next registration of
 *                       the source takes it over. Far longer than any command takes, far shorter than "forever".
 */
@Validated
@ConfigurationProperties("registry.claims")
record ClaimSettings(@NotNull @DefaultValue("PT1M") Duration pendingTimeout) {

    ClaimSettings {
        if (pendingTimeout != null && (pendingTimeout.isNegative() || pendingTimeout.isZero())) {
            throw new IllegalArgumentException("registry.claims.pending-timeout must be positive");
        }
    }
}
