package io.modelregistry.server.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the projections' tracking processors use the token store ({@code registry.projections.*}).
 *
 * @param claimExtensionInterval a processor renews its claim on its segment only this long after it last wrote it
 *                               (unset: a fifth of the claim timeout; 0: whenever Axon asks; at most a third of the
 *                               claim timeout), checked against the claim timeout when the processors are set up
 */
@Validated
@ConfigurationProperties("registry.projections")
public record ProjectionProperties(Duration claimExtensionInterval) {
}
