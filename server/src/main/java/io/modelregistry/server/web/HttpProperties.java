package io.modelregistry.server.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The launcher's HTTP bounds: {@code registry.http.max-body-bytes} (a JSON request body over it is refused with
 * 413) and {@code registry.download.link-ttl} (how long a signed download link works).
 */
@Validated
@ConfigurationProperties(prefix = "registry")
record HttpProperties(@DefaultValue Http http, @DefaultValue Download download) {

    record Http(@Min(1024) @Max(64L * 1024 * 1024) @DefaultValue("1048576") long maxBodyBytes) {
    }

    record Download(@DefaultValue("PT1H") Duration linkTtl) {
        Download {
            if (linkTtl != null && (linkTtl.isNegative() || linkTtl.isZero() || linkTtl.toDays() > 7)) {
                throw new IllegalArgumentException("registry.download.link-ttl must be positive and at most 7 days");
            }
        }
    }
}
