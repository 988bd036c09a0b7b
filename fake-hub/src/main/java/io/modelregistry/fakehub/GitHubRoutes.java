package io.modelregistry.fakehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The GitHub REST half of the fake, below {@code /github}: repo metadata, contributors and licence as recorded,
 * and for repositories a test built ({@link CodeRepository}) also the pull-request endpoints the rating asks:
 * {@code /commits/{sha}/pulls}, {@code /pulls}, {@code /pulls/{n}} and {@code /pulls/{n}/reviews}. Lists are paged
 * as on GitHub ({@code per_page} default 30, at most 100, {@code page} from 1, a {@code Link} header with absolute
 * URLs), and a test may lower the largest page to see paging with few items. Owner and repo match
 * case-insensitively, as on GitHub. Everything else answers GitHub's 404 body.
 */
final class GitHubRoutes {

    static final String PREFIX = "/github";
    private static final Set<String> RECORDED_SUBRESOURCES = Set.of("contributors", "license");

    private final FixtureStore fixtures;
    private final ObjectMapper json;
    private final Supplier<String> baseUrl;
    private final IntSupplier maxPageSize;
    private final Map<String, Served> served = new ConcurrentHashMap<>();

    GitHubRoutes(FixtureStore fixtures, ObjectMapper json, Supplier<String> baseUrl, IntSupplier maxPageSize) {
        this.fixtures = fixtures;
        this.json = json;
        this.baseUrl = baseUrl;
        this.maxPageSize = maxPageSize;
    }

    /** What GitHub knows of a repository a test built, fixed when it is served. */
    private record Served(String fullName, String defaultBranch, String ownerType, Map<String, Long> commitsPerAuthor,
                          List<CodeRepository.PullRequest> pulls, Set<String> commits) {
    }

    void serve(CodeRepository repository) {
        served.put(repository.fullName().toLowerCase(Locale.ROOT), new Served(repository.fullName(),
                repository.defaultBranch(), repository.ownerType(), Map.copyOf(repository.commitsPerAuthor()),
                repository.pullRequests(), Set.copyOf(repository.allCommits())));
    }

    /** @param segments the decoded path segments after {@code /github} */
    Reply handle(List<String> segments, Map<String, List<String>> query) {
        if (segments.size() < 3 || !segments.get(0).equals("repos")) {
            return notFound();
        }
        String repo = "github/repos/" + segments.get(1) + "/" + segments.get(2);
        Served built = served.get((segments.get(1) + "/" + segments.get(2)).toLowerCase(Locale.ROOT));
        List<String> tail = segments.subList(3, segments.size());
        if (tail.isEmpty()) {
            return recorded(repo + ".json").orElseGet(() -> built == null ? notFound() : Reply.json(200, metadata(built)));
        }
        if (tail.size() == 1 && RECORDED_SUBRESOURCES.contains(tail.get(0))) {
            Optional<Reply> recorded = recorded(repo + "/" + tail.get(0) + ".json");
            if (recorded.isPresent() || built == null || !tail.get(0).equals("contributors")) {
                return recorded.orElseGet(GitHubRoutes::notFound);
            }
            return page(contributors(built), built, "contributors", query);
        }
        if (built == null) {
            return notFound();
        }
        if (tail.size() == 3 && tail.get(0).equals("commits") && tail.get(2).equals("pulls")) {
            String sha = tail.get(1).toLowerCase(Locale.ROOT);
            if (!built.commits().contains(sha)) {
                return Reply.json(422, "{\"message\":" + JsonText.quote("No commit found for SHA: " + sha)
                        + ",\"documentation_url\":\"https://docs.github.com/rest/commits/commits#list-pull-requests-"
                        + "associated-with-a-commit\",\"status\":\"422\"}");
            }
            List<JsonNode> pulls = built.pulls().stream()
                    .filter(p -> p.commits().contains(sha) || sha.equals(p.mergeCommit()))
                    .sorted(Comparator.comparing(CodeRepository.PullRequest::number).reversed())
                    .map(p -> pull(built, p)).toList();
            return page(pulls, built, "commits/" + sha + "/pulls", query);
        }
        if (tail.size() == 1 && tail.get(0).equals("pulls")) {
            String state = query.getOrDefault("state", List.of("open")).get(0);
            List<JsonNode> pulls = built.pulls().stream()
                    .filter(p -> state.equals("all") || state.equals("closed")) // every recorded pull is closed
                    .sorted(Comparator.comparing(CodeRepository.PullRequest::createdAt).reversed())
                    .map(p -> pull(built, p)).toList();
            return page(pulls, built, "pulls", query);
        }
        if ((tail.size() == 2 || tail.size() == 3) && tail.get(0).equals("pulls")) {
            Optional<CodeRepository.PullRequest> pull = number(tail.get(1)).flatMap(n -> built.pulls().stream()
                    .filter(p -> p.number() == n).findFirst());
            if (pull.isEmpty()) {
                return notFound();
            }
            if (tail.size() == 2) {
                return Reply.json(200, write(pull(built, pull.get())));
            }
            if (tail.get(2).equals("reviews")) {
                return page(reviews(built, pull.get()), built, "pulls/" + pull.get().number() + "/reviews", query);
            }
        }
        return notFound();
    }

    private Reply page(List<JsonNode> items, Served built, String path, Map<String, List<String>> query) {
        return Pages.page(json, items, baseUrl.get() + PREFIX + "/repos/" + built.fullName() + "/" + path, query,
                "page", "per_page", 1, Math.min(30, maxPageSize.getAsInt()), Math.min(100, maxPageSize.getAsInt()));
    }

    private byte[] metadata(Served built) {
        ObjectNode repo = json.createObjectNode();
        String[] parts = built.fullName().split("/", 2);
        repo.put("name", parts[1]);
        repo.put("full_name", built.fullName());
        repo.put("private", false);
        ObjectNode owner = repo.putObject("owner");
        owner.put("login", parts[0]);
        owner.put("type", built.ownerType());
        repo.put("html_url", "https://github.com/" + built.fullName());
        repo.put("default_branch", built.defaultBranch());
        repo.put("size", 1);
        repo.put("stargazers_count", 0);
        repo.put("archived", false);
        repo.putNull("license");
        return write(repo);
    }

    private List<JsonNode> contributors(Served built) {
        List<JsonNode> out = new ArrayList<>();
        built.commitsPerAuthor().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    ObjectNode node = json.createObjectNode();
                    node.put("login", e.getKey());
                    node.put("type", "User");
                    node.put("contributions", e.getValue());
                    out.add(node);
                });
        return out;
    }

    private JsonNode pull(Served built, CodeRepository.PullRequest p) {
        String api = "https://api.github.com/repos/" + built.fullName();
        ObjectNode node = json.createObjectNode();
        node.put("url", api + "/pulls/" + p.number());
        node.put("id", 1_000_000L + p.number());
        node.put("html_url", "https://github.com/" + built.fullName() + "/pull/" + p.number());
        node.put("number", p.number());
        node.put("state", "closed");
        node.put("title", "Pull request #" + p.number());
        node.putObject("user").put("login", p.author()).put("type", "User");
        node.put("created_at", p.createdAt().toString());
        node.put("updated_at", p.closedAt().toString());
        node.put("closed_at", p.closedAt().toString());
        if (p.merged()) {
            node.put("merged_at", p.mergedAt().toString());
            node.put("merge_commit_sha", p.mergeCommit());
        } else {
            node.putNull("merged_at");
            node.putNull("merge_commit_sha");
        }
        ObjectNode head = node.putObject("head");
        head.put("ref", p.headBranch());
        head.put("sha", p.commits().isEmpty() ? null : p.commits().get(p.commits().size() - 1));
        node.putObject("base").put("ref", built.defaultBranch());
        node.put("author_association", "MEMBER");
        return node;
    }

    private List<JsonNode> reviews(Served built, CodeRepository.PullRequest p) {
        List<JsonNode> out = new ArrayList<>();
        long id = 80_000_000L + p.number() * 1_000L;
        Instant at = p.createdAt();
        for (CodeRepository.Review review : p.reviews()) {
            at = at.plusSeconds(1);
            ObjectNode node = json.createObjectNode();
            node.put("id", ++id);
            node.putObject("user").put("login", review.login()).put("type", "User");
            node.put("body", "");
            node.put("state", review.state());
            node.put("html_url", "https://github.com/" + built.fullName() + "/pull/" + p.number() + "#pullrequestreview-" + id);
            node.put("pull_request_url", "https://api.github.com/repos/" + built.fullName() + "/pulls/" + p.number());
            node.put("author_association", "MEMBER");
            node.put("submitted_at", at.toString());
            node.put("commit_id", p.commits().isEmpty() ? null : p.commits().get(p.commits().size() - 1));
            out.add(node);
        }
        return out;
    }

    private static Optional<Integer> number(String segment) {
        try {
            int n = Integer.parseInt(segment);
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Reply> recorded(String fixturePath) {
        return fixtures.getIgnoringCase(fixturePath).map(body -> Reply.json(200, body));
    }

    private static Reply notFound() {
        return Reply.json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
                + "\"status\":\"404\"}");
    }
}
