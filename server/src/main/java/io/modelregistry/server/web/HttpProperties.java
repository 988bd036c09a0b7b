package io.modelregistry.server.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The launcher's HTTP bounds: {@code registry.http.max-body-bytes} (a JSON request body over it is refused with
 * 413), {@code registry.download.link-ttl} (how long a signed download link works) and
 * {@code registry.download.signing-key} (base64 of at least 32 random bytes: the secret that signs download links,
 * given to every node of a scale-out deployment; empty, the embedded default keeps its own in the data dir).
 */
@Validated
@ConfigurationProperties(prefix = "registry")
record HttpProperties(@DefaultValue Http http, @DefaultValue Download download) {

    record Http(@Min(1024) @Max(64L * 1024 * 1024) @DefaultValue("1048576") long maxBodyBytes) {
    }

    record Download(@DefaultValue("PT1H") Duration linkTtl, @DefaultValue("") String signingKey) {

        static final int MIN_KEY_BYTES = 32;

        Download {
            if (linkTtl != null && (linkTtl.isNegative() || linkTtl.isZero() || linkTtl.toDays() > 7)) {
                throw new IllegalArgumentException("registry.download.link-ttl must be positive and at most 7 days");
            }
            if (signingKey != null && !signingKey.isBlank()) {
                configuredKey(signingKey);
            }
        }

        /** The configured key's bytes; refuses (without echoing it) a value that is not base64 of 32+ bytes. */
        static byte[] configuredKey(String base64) {
            byte[] key;
            try {
                key = java.util.Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("registry.download.signing-key (REGISTRY_DOWNLOAD_SIGNING_KEY) "
                        + "is not base64; generate one with: openssl rand -base64 32");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("registry.download.signing-key (REGISTRY_DOWNLOAD_SIGNING_KEY) "
                        + "must decode to at least " + MIN_KEY_BYTES + " bytes; generate one with: openssl rand -base64 32");
            }
            return key;
        }

        Optional<byte[]> key() {
            return signingKey == null || signingKey.isBlank() ? Optional.empty() : Optional.of(configuredKey(signingKey));
        }
    }
}
