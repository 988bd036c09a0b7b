package io.modelregistry.hub;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.RegistryException;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read-only look-ups on the configured HuggingFace and GitHub endpoints for the rating of a model: the datasets
 * and code repositories a model card names, and what GitHub knows about their history. The same bounded
 * client as ingest (connect and request timeouts, a byte limit per answer, redirects only within the
 * endpoint). Ids are validated before they go into a URL path.
 *
 * <p>Absence (404, 410, 401 for a private or unknown repo) is an empty result. A failure that may pass (5xx,
 * 429, 403 rate limit, transport errors) is thrown as {@code UPSTREAM_UNAVAILABLE}; the caller decides whether
 * that degrades a metric or fails it.
 */
public final class HubLookup {

    /** Answers larger than this are treated as absent: a metric never needs more. */
    public static final int MAX_JSON_BYTES = 2 * 1024 * 1024;
    public static final int MAX_CARD_BYTES = 256 * 1024;

    private static final Pattern HF_ID = Pattern.compile("[A-Za-z0-9._-]{1,96}(/[A-Za-z0-9._-]{1,96})?");
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,255}");
    private static final String GITHUB_JSON = "application/vnd.github+json";

    private final HubClient client;
    private final HubEndpoint huggingFace;
    private final HubEndpoint gitHub;
    private final ObjectMapper json = new ObjectMapper();

    public HubLookup(HubClient client, HubEndpoints endpoints) {
        this.client = client;
        this.huggingFace = endpoints.huggingFace();
        this.gitHub = endpoints.gitHubApi();
    }

    /** A look-up on explicit endpoints (tools and tests); the application gets its bean from the configuration. */
    public static HubLookup create(String huggingFaceUrl, String gitHubApiUrl, java.time.Duration requestTimeout) {
        return new HubLookup(HubClient.create(requestTimeout), new HubEndpoints(
                HubEndpoint.of("HuggingFace", huggingFaceUrl, null), HubEndpoint.of("GitHub", gitHubApiUrl, null)));
    }

    public static boolean isHuggingFaceId(String id) {
        return id != null && HF_ID.matcher(id).matches() && !id.contains("..");
    }

    public static boolean isGitHubFullName(String fullName) {
        return GitHubNames.isFullName(fullName);
    }

    /** {@code GET /api/datasets/{id}}; a legacy id without an org follows the hub's redirect. */
    public Optional<JsonNode> huggingFaceDataset(String repoId) {
        requireHf(repoId);
        return jsonAt(huggingFace, "/api/datasets/" + RepoPaths.encode(repoId), "application/json");
    }

    /** The dataset card (README.md of the main revision), up to {@link #MAX_CARD_BYTES}, malformed bytes replaced. */
    public Optional<String> huggingFaceDatasetCard(String repoId) {
        requireHf(repoId);
        HubResponse response = client.get(huggingFace, "/datasets/" + RepoPaths.encode(repoId) + "/resolve/main/README.md",
                "*/*", MAX_CARD_BYTES);
        if (!found(huggingFace, response)) {
            return Optional.empty();
        }
        return Optional.of(BoundedText.utf8Prefix(response.body(), MAX_CARD_BYTES));
    }

    /** {@code GET /repos/{owner}/{repo}}. */
    public Optional<JsonNode> gitHubRepository(String fullName) {
        requireGitHub(fullName);
        return jsonAt(gitHub, "/repos/" + RepoPaths.encode(fullName), GITHUB_JSON);
    }

    /** The first page (up to 100) of {@code GET /repos/{owner}/{repo}/contributors}, most commits first. */
    public Optional<JsonNode> gitHubContributors(String fullName) {
        requireGitHub(fullName);
        return jsonAt(gitHub, "/repos/" + RepoPaths.encode(fullName) + "/contributors?per_page=100", GITHUB_JSON);
    }

    /** {@code GET /repos/{owner}/{repo}/git/trees/{branch}?recursive=1}: the file listing of a branch. */
    public Optional<JsonNode> gitHubTree(String fullName, String branch) {
        requireGitHub(fullName);
        if (branch == null || !BRANCH.matcher(branch).matches()) {
            throw new IllegalArgumentException("not a branch name");
        }
        return jsonAt(gitHub, "/repos/" + RepoPaths.encode(fullName) + "/git/trees/" + RepoPaths.encodeSegment(branch)
                + "?recursive=1", GITHUB_JSON);
    }

    /** {@code GET /repos/{owner}/{repo}/commits/{sha}/pulls}: the pull requests a commit arrived through. */
    public Optional<JsonNode> gitHubCommitPulls(String fullName, String sha) {
        requireGitHub(fullName);
        if (sha == null || !SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a commit sha");
        }
        return jsonAt(gitHub, "/repos/" + RepoPaths.encode(fullName) + "/commits/" + sha + "/pulls?per_page=10",
                GITHUB_JSON);
    }

    /** {@code GET /repos/{owner}/{repo}/pulls/{number}/reviews}: the first 100 reviews of a pull request. */
    public Optional<JsonNode> gitHubPullReviews(String fullName, long number) {
        requireGitHub(fullName);
        if (number <= 0) {
            throw new IllegalArgumentException("not a pull request number");
        }
        return jsonAt(gitHub, "/repos/" + RepoPaths.encode(fullName) + "/pulls/" + number + "/reviews?per_page=100",
                GITHUB_JSON);
    }

    private Optional<JsonNode> jsonAt(HubEndpoint endpoint, String path, String accept) {
        HubResponse response = client.get(endpoint, path, accept, MAX_JSON_BYTES);
        if (!found(endpoint, response) || response.truncated()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean found(HubEndpoint endpoint, HubResponse response) {
        if (response.ok()) {
            return true;
        }
        int status = response.status();
        if (status == 404 || status == 410 || status == 401 || status == 451 || response.redirect()) {
            return false;
        }
        throw status == 403 || status == 429 ? ErrorMessage.HUB_LOOKUP_REFUSED.exception(endpoint.name())
                : ErrorMessage.HUB_LOOKUP_ANSWERED.exception(endpoint.name(), status);
    }

    private static void requireHf(String id) {
        if (!isHuggingFaceId(id)) {
            throw new IllegalArgumentException("not a HuggingFace repo id");
        }
    }

    private static void requireGitHub(String fullName) {
        if (!isGitHubFullName(fullName)) {
            throw new IllegalArgumentException("not a GitHub owner/repo");
        }
    }
}
