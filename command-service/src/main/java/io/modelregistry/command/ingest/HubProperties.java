package io.modelregistry.command.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code registry.hub.*}: where ingest and the rating may fetch from, and how long one exchange may take. The
 * launcher maps the public variables onto these ({@code HF_ENDPOINT}, {@code GITHUB_API_URL},
 * {@code GITHUB_SERVER_URL}, {@code HF_TOKEN}, {@code GITHUB_TOKEN}); the defaults are the public services.
 * Tokens are sent only to their own service and never printed: {@link #toString()} masks them, because a
 * configuration record is exactly what a start-up failure or a debug log would print.
 */
@Validated
@ConfigurationProperties(prefix = "registry.hub")
public record HubProperties(
        @NotBlank @DefaultValue("https://huggingface.co") String huggingfaceUrl,
        @NotBlank @DefaultValue("https://api.github.com") String githubApiUrl,
        @NotBlank @DefaultValue("https://github.com") String githubServerUrl,
        @DefaultValue("") String huggingfaceToken,
        @DefaultValue("") String githubToken,
        @NotNull @DefaultValue("20s") Duration requestTimeout) {

    public HubProperties {
        if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
            throw new IllegalArgumentException("registry.hub.request-timeout must be positive");
        }
    }

    @Override
    public String toString() {
        return "HubProperties[huggingfaceUrl=" + huggingfaceUrl + ", githubApiUrl=" + githubApiUrl
                + ", githubServerUrl=" + githubServerUrl + ", huggingfaceToken=" + masked(huggingfaceToken)
                + ", githubToken=" + masked(githubToken) + ", requestTimeout=" + requestTimeout + "]";
    }

    private static String masked(String token) {
        return token == null || token.isEmpty() ? "(none)" : "(set)";
    }
}
