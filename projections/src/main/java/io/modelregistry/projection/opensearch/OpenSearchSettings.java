package io.modelregistry.projection.opensearch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenSearch read models ({@code registry.read-models=opensearch}). Credentials are not settings: with
 * {@code awsSigning} every request is signed (SigV4) with the AWS SDK's default provider chain (container or
 * instance role, environment, profile), so no secret is bound, printed or logged by the registry.
 *
 * @param endpoint        base URL of the cluster ({@code REGISTRY_OPENSEARCH_ENDPOINT}), e.g.
 *                        {@code https://search-x.eu-west-1.es.amazonaws.com} or {@code http://127.0.0.1:9200}; required
 * @param indexPrefix     prefix of every index and index template the registry owns, so several registries (or a
 *                        test per JVM) can share a cluster
 * @param awsSigning      sign requests with SigV4 (an Amazon OpenSearch Service domain with IAM access policies)
 * @param region          AWS region of the domain, for signing ({@code REGISTRY_AWS_REGION}); required with signing
 * @param signingService  {@code es} for a managed domain, {@code aoss} for OpenSearch Serverless
 * @param replicas        replicas of each index (0 on a single-node domain, where a replica could never be placed)
 * @param maxConnections  connections to the cluster at once; a request waits for a free one at most
 *                        {@code connectTimeout}
 * @param connectTimeout  how long opening a connection, or waiting for a pooled one, may take
 * @param socketTimeout   how long a response may take (a refresh, a bulk of a replay's batch, a search)
 */
@Validated
@ConfigurationProperties("registry.opensearch")
public record OpenSearchSettings(
        @NotNull(message = "registry.opensearch.endpoint must name the OpenSearch cluster (REGISTRY_OPENSEARCH_ENDPOINT)")
        URI endpoint,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,40}", message = "must be lower case letters, digits, '_', '.' or '-'")
        @DefaultValue("registry-") String indexPrefix,
        @DefaultValue("false") boolean awsSigning,
        String region,
        @NotBlank @DefaultValue("es") String signingService,
        @Min(0) @Max(5) @DefaultValue("0") int replicas,
        @Min(1) @Max(1024) @DefaultValue("32") int maxConnections,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration socketTimeout) {

    public OpenSearchSettings {
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")))) {
            throw new IllegalArgumentException("registry.opensearch.endpoint must be an http(s) URL, was " + endpoint);
        }
        if (awsSigning && (region == null || region.isBlank())) {
            throw new IllegalArgumentException(
                    "registry.opensearch.aws-signing needs registry.opensearch.region (REGISTRY_AWS_REGION)");
        }
        if (awsSigning && endpoint != null && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("registry.opensearch.aws-signing needs an https endpoint, was " + endpoint);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("socket-timeout", socketTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("registry.opensearch." + name + " must be positive, was " + value);
        }
    }

    /** Settings for an unsigned cluster at {@code endpoint}, every other value at its default (tests, benchmarks). */
    public static OpenSearchSettings forEndpoint(URI endpoint, String indexPrefix) {
        return new OpenSearchSettings(endpoint, indexPrefix, false, null, "es", 0, 32, Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }
}
