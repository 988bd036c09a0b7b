package io.modelregistry.hub;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.RegistryException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Read-only look-ups on the configured HuggingFace and GitHub endpoints for the rating of a model: the datasets
 * and code repositories a model card names, and what GitHub knows about their history. The same bounded
 * client as ingest (connect and request timeouts, a byte limit per answer, redirects only within the
 * endpoint). Ids are validated before they go into a URL path.
 *
 * <p>Absence (404, 410, 401 for a private or unknown repo) is an empty result. A failure that may pass (5xx,
 * transport errors, other 403s) is thrown as {@code UPSTREAM_UNAVAILABLE}; the caller decides whether that
 * degrades a metric or fails it.
 *
 * <p>Rate limits: a 429, or a 403 with {@code x-ratelimit-remaining: 0} or {@code Retry-After}, says how long to
 * wait ({@code Retry-After} seconds, else until {@code x-ratelimit-reset}, else a minute, as GitHub's guidance
 * says). A wait of up to {@value #MAX_RETRY_WAIT_MILLIS} ms (and shorter than the request timeout) is waited out
 * and the request sent once more; a longer one is thrown as {@code HUB_RATE_LIMITED} with the wait, and until it
 * has passed no request is sent to that service from this look-up (or its {@link #within} copies): the answer
 * would be the same, and asking again only prolongs the limit.
 *
 * <p>Lists that GitHub and the Hub page ({@code Link: <...>; rel="next"}) are followed page by page, up to a bound
 * per list, and only to links below the same endpoint.
 */
public final class HubLookup {

    /** Answers larger than this are treated as absent: a metric never needs more. */
    public static final int MAX_JSON_BYTES = 2 * 1024 * 1024;
    public static final int MAX_CARD_BYTES = 256 * 1024;

    private static final Pattern HF_ID = Pattern.compile("[A-Za-z0-9._-]{1,96}(/[A-Za-z0-9._-]{1,96})?");
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,255}");
    private static final String GITHUB_JSON = "application/vnd.github+json";
    static final long MAX_RETRY_WAIT_MILLIS = 2_000;
    /** A service asking for a longer pause than this is still asked again after it (a bad header cannot mute it). */
    static final long MAX_QUIET_MILLIS = 3_600_000;
    /** Pages of pull requests per commit (10 each) and of reviews per pull request (100 each). */
    static final int MAX_PULL_PAGES = 3;
    static final int MAX_REVIEW_PAGES = 10;
    private static final int MAX_LINK_HEADER = 8 * 1024;

    private final HubClient client;
    private final HubEndpoint huggingFace;
    private final HubEndpoint gitHub;
    private final ObjectMapper json = new ObjectMapper();
    /** Per service name: until when (epoch millis) it asked not to be asked. Shared with {@link #within} copies. */
    private final Map<String, Long> quietUntil;

    public HubLookup(HubClient client, HubEndpoints endpoints) {
        this(client, endpoints.huggingFace(), endpoints.gitHubApi(), new ConcurrentHashMap<>());
    }

    private HubLookup(HubClient client, HubEndpoint huggingFace, HubEndpoint gitHub, Map<String, Long> quietUntil) {
        this.client = client;
        this.huggingFace = huggingFace;
        this.gitHub = gitHub;
        this.quietUntil = quietUntil;
    }

    /**
     * The same look-ups with each exchange bounded by {@code timeout} when that is shorter than the configured
     * request timeout: for a caller that must answer by a deadline of its own. Rate-limit pauses are shared.
     */
    public HubLookup within(Duration timeout) {
        Duration bounded = timeout.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : timeout;
        return new HubLookup(client.withRequestTimeout(bounded), huggingFace, gitHub, quietUntil);
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

    /**
     * {@code GET /repos/{owner}/{repo}/commits/{sha}/pulls}: the pull requests a commit arrived through, up to
     * {@value #MAX_PULL_PAGES} pages of 10 (one array).
     */
    public Optional<JsonNode> gitHubCommitPulls(String fullName, String sha) {
        requireGitHub(fullName);
        if (sha == null || !SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a commit sha");
        }
        return pagedAt(gitHub, "/repos/" + RepoPaths.encode(fullName) + "/commits/" + sha + "/pulls?per_page=10",
                GITHUB_JSON, MAX_PULL_PAGES);
    }

    /**
     * {@code GET /repos/{owner}/{repo}/pulls/{number}/reviews}: a pull request's reviews in the order given, up to
     * {@value #MAX_REVIEW_PAGES} pages of 100 (one array).
     */
    public Optional<JsonNode> gitHubPullReviews(String fullName, long number) {
        requireGitHub(fullName);
        if (number <= 0) {
            throw new IllegalArgumentException("not a pull request number");
        }
        return pagedAt(gitHub, "/repos/" + RepoPaths.encode(fullName) + "/pulls/" + number + "/reviews?per_page=100",
                GITHUB_JSON, MAX_REVIEW_PAGES);
    }

    /**
     * {@code GET /api/models/{id}/commits/{revision}}: the newest commits of a model repository (id, title, authors'
     * usernames, date), up to {@code maxCommits} (pages of 100), newest first, as one array.
     */
    public Optional<JsonNode> huggingFaceModelCommits(String repoId, String revision, int maxCommits) {
        requireHf(repoId);
        if (revision == null || !BRANCH.matcher(revision).matches()) {
            throw new IllegalArgumentException("not a revision");
        }
        int pageSize = Math.max(1, Math.min(100, maxCommits));
        return pagedAt(huggingFace, "/api/models/" + RepoPaths.encode(repoId) + "/commits/"
                + RepoPaths.encodeSegment(revision) + "?limit=" + pageSize, "application/json",
                (maxCommits + pageSize - 1) / pageSize);
    }

    private Optional<JsonNode> jsonAt(HubEndpoint endpoint, String path, String accept) {
        HubResponse response = fetch(endpoint, path, accept);
        if (!found(endpoint, response) || response.truncated()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A paged list as one array: the first page, then each {@code rel="next"} link below the same endpoint, up to
     * {@code maxPages}. A later page that is missing or not a list ends the list there.
     */
    private Optional<JsonNode> pagedAt(HubEndpoint endpoint, String path, String accept, int maxPages) {
        ArrayNode all = json.createArrayNode();
        String next = path;
        for (int page = 0; page < maxPages && next != null; page++) {
            HubResponse response = fetch(endpoint, next, accept);
            if (!found(endpoint, response) || response.truncated()) {
                return page == 0 ? Optional.empty() : Optional.of(all);
            }
            JsonNode body;
            try {
                body = json.readTree(response.body());
            } catch (IOException e) {
                return page == 0 ? Optional.empty() : Optional.of(all);
            }
            if (body == null || !body.isArray()) {
                return page == 0 ? Optional.ofNullable(body) : Optional.of(all);
            }
            body.forEach(all::add);
            next = nextLink(endpoint, response).orElse(null);
        }
        return Optional.of(all);
    }

    /** The {@code rel="next"} target of an RFC 8288 {@code Link} header, as a path below {@code endpoint}. */
    static Optional<String> nextLink(HubEndpoint endpoint, HubResponse response) {
        Optional<String> header = response.header("Link").filter(h -> h.length() <= MAX_LINK_HEADER);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        for (String part : header.get().split(",")) {
            int open = part.indexOf('<');
            int close = part.indexOf('>', open + 1);
            if (open < 0 || close < 0 || !part.substring(close).replace(" ", "").toLowerCase(Locale.ROOT)
                    .contains("rel=\"next\"")) {
                continue;
            }
            try {
                return endpoint.relativize(response.uri().resolve(part.substring(open + 1, close).strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** One GET, with the rate-limit rules of the class comment. */
    private HubResponse fetch(HubEndpoint endpoint, String path, String accept) {
        Long quiet = quietUntil.get(endpoint.name());
        long now = System.currentTimeMillis();
        if (quiet != null && quiet > now) {
            throw ErrorMessage.HUB_RATE_LIMITED.exception(endpoint.name(), seconds(quiet - now));
        }
        HubResponse response = client.get(endpoint, path, accept, MAX_JSON_BYTES);
        OptionalLong wait = rateLimitWaitMillis(response);
        if (wait.isPresent() && wait.getAsLong() <= MAX_RETRY_WAIT_MILLIS
                && wait.getAsLong() < client.requestTimeout().toMillis()) {
            try {
                Thread.sleep(wait.getAsLong());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ErrorMessage.HUB_RATE_LIMITED.exception(endpoint.name(), seconds(wait.getAsLong()));
            }
            response = client.get(endpoint, path, accept, MAX_JSON_BYTES);
            wait = rateLimitWaitMillis(response);
        }
        if (wait.isPresent()) {
            long pause = Math.min(MAX_QUIET_MILLIS, wait.getAsLong());
            quietUntil.merge(endpoint.name(), System.currentTimeMillis() + pause, Math::max);
            throw ErrorMessage.HUB_RATE_LIMITED.exception(endpoint.name(), seconds(pause));
        }
        return response;
    }

    /** How long a rate-limit answer asks the caller to wait; empty when the answer is not one. */
    static OptionalLong rateLimitWaitMillis(HubResponse response) {
        Optional<String> retryAfter = response.header("Retry-After");
        Optional<String> remaining = response.header("x-ratelimit-remaining");
        boolean limited = response.status() == 429 || (response.status() == 403
                && (retryAfter.isPresent() || remaining.map(r -> r.strip().equals("0")).orElse(false)));
        if (!limited) {
            return OptionalLong.empty();
        }
        try {
            if (retryAfter.isPresent()) {
                return OptionalLong.of(Math.max(0, Math.min(MAX_QUIET_MILLIS, Long.parseLong(retryAfter.get().strip()) * 1000)));
            }
            Optional<String> reset = response.header("x-ratelimit-reset");
            if (reset.isPresent()) {
                long millis = Long.parseLong(reset.get().strip()) * 1000 - System.currentTimeMillis();
                return OptionalLong.of(Math.max(0, Math.min(MAX_QUIET_MILLIS, millis)));
            }
        } catch (NumberFormatException e) {
            // an HTTP-date Retry-After or a malformed header: wait the default
        }
        return OptionalLong.of(60_000);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
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
