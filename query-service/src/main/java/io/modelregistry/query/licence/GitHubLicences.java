package io.modelregistry.query.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Asks the GitHub API ({@code GITHUB_API_URL}) for a repository's licence: {@code GET /repos/{owner}/{repo}},
 * whose {@code license} object is GitHub's detection of the repository's licence file (null when there is none).
 * 5 s to connect, 10 s per request, at most 1 MiB read. Unknown repository → 404; GitHub unreachable, slow,
 * rate-limited or failing → 502.
 */
@Component
class GitHubLicences {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final String apiUrl;
    private final String token;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    GitHubLicences(@Value("${GITHUB_API_URL:https://api.github.com}") String apiUrl,
                   @Value("${GITHUB_TOKEN:}") String token) {
        this(apiUrl, token, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** Tests shorten the timeouts; production uses the constants above. */
    GitHubLicences(String apiUrl, String token, Duration connectTimeout, Duration requestTimeout) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.token = token == null ? "" : token.strip();
        this.requestTimeout = requestTimeout;
        // GitHub answers 301 for renamed repositories; a redirect comes from the configured API, never from user input
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    ProjectLicence licenceOf(GitHubRepository repository) {
        URI uri = URI.create(apiUrl + "/repos/" + segment(repository.owner()) + "/" + segment(repository.name()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "trustworthy-model-registry");
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unavailable(repository, "could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(repository, "was interrupted", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 || status == 410) {
                throw RegistryException.notFound("GitHub has no repository " + repository.fullName() + ".");
            }
            if (status != 200) {
                throw unavailable(repository, "answered HTTP " + status, null);
            }
            byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw unavailable(repository, "answered with more than " + MAX_RESPONSE_BYTES + " bytes", null);
            }
            return parse(repository, bytes);
        } catch (IOException e) {
            throw unavailable(repository, "broke off its answer", e);
        }
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

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RegistryException unavailable(GitHubRepository repository, String what, Throwable cause) {
        return new RegistryException(Kind.UPSTREAM_UNAVAILABLE, "The licence of GitHub repository "
                + repository.fullName() + " could not be retrieved: GitHub " + what + ".", cause);
    }
}
