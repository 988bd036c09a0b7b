package io.modelregistry.query.licence;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubResponse;
import io.modelregistry.hub.RepoPaths;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Asks the GitHub API ({@code GITHUB_API_URL}) for a repository's licence: {@code GET /repos/{owner}/{repo}},
 * whose {@code license} object is GitHub's detection of the repository's licence file (null when there is none).
 * Through the hub module's bounded client: 5 s to connect, 10 s for the whole exchange including the body, at
 * most 1 MiB read, redirects (GitHub's 301 for a renamed repository) only within the configured API. Unknown
 * repository → 404; GitHub unreachable, slow, rate-limited or failing → 502.
 */
@Component
class GitHubLicences {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final HubEndpoint api;
    private final HubClient client;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    GitHubLicences(LicenceCheckProperties properties) {
        this(properties.githubApiUrl(), properties.githubToken(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** Tests shorten the timeouts; production uses the constants above. */
    GitHubLicences(String apiUrl, String token, Duration connectTimeout, Duration requestTimeout) {
        this.api = HubEndpoint.of("GitHub", apiUrl, token);
        this.client = HubClient.create(connectTimeout, requestTimeout);
    }

    ProjectLicence licenceOf(GitHubRepository repository) {
        HubResponse response;
        try {
            response = client.get(api, "/repos/" + RepoPaths.encode(repository.fullName()),
                    "application/vnd.github+json", MAX_RESPONSE_BYTES);
        } catch (RegistryException e) {
            throw unavailable(repository, "could not be reached or did not answer in time", e);
        }
        int status = response.status();
        if (status == 404 || status == 410) {
            throw ErrorMessage.LICENCE_GITHUB_REPOSITORY.exception(repository.fullName());
        }
        if (status != 200) {
            throw unavailable(repository, "answered HTTP " + status, null);
        }
        if (response.truncated()) {
            throw unavailable(repository, "answered with more than " + MAX_RESPONSE_BYTES + " bytes", null);
        }
        return parse(repository, response.body());
    }

    private ProjectLicence parse(GitHubRepository repository, byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (IOException e) {
            throw unavailable(repository, "answered with malformed JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw unavailable(repository, "answered with something other than a repository", null);
        }
        JsonNode licence = root.path("license");
        if (!licence.isObject()) {
            return new ProjectLicence(repository, null, null);
        }
        String spdx = text(licence.get("spdx_id"));
        String declared = spdx != null && !spdx.equalsIgnoreCase("NOASSERTION") ? spdx : text(licence.get("key"));
        return new ProjectLicence(repository, declared, text(licence.get("name")));
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        String value = node.asText().strip();
        return value.length() <= 128 ? value : value.substring(0, 128);
    }

    private static RegistryException unavailable(GitHubRepository repository, String what, Throwable cause) {
        return ErrorMessage.LICENCE_LICENCE_GITHUB_REPOSITORY_COULD.exceptionCausedBy(cause, repository.fullName(), what);
    }
}
