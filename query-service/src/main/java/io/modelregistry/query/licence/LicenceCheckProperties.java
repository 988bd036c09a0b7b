package io.modelregistry.query.licence;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The part of {@code registry.hub.*} the licence check needs: the GitHub API it asks for a project's licence
 * (the launcher maps {@code GITHUB_API_URL} and {@code GITHUB_TOKEN} onto it). {@link #toString()} masks the
 * token, so no log or start-up failure prints it.
 */
@Validated
@ConfigurationProperties(prefix = "registry.hub")
record LicenceCheckProperties(
        @NotBlank @DefaultValue("https://api.github.com") String githubApiUrl,
        @DefaultValue("") String githubToken) {

    @Override
    public String toString() {
        return "LicenceCheckProperties[githubApiUrl=" + githubApiUrl + ", githubToken="
                + (githubToken == null || githubToken.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
