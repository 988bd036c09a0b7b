package io.modelregistry.fakehub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeHubPullRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBuiltRepositoryIsClonedAndItsPullRequestsAndReviewsArePagedAsOnGitHub(@TempDir Path temp) throws Exception {
        String direct;
        String reviewed;
        String merge;
        try (CodeRepository repo = CodeRepository.create(temp.resolve("work"), "acme", "code", "main")) {
            direct = repo.commit("ada", "a.py", "a = 1\n");
            repo.openPullRequest(7, "bob");
            reviewed = repo.commit("bob", "b.py", "b = 2\n");
            merge = repo.mergePullRequest("ada", CodeRepository.Review.commented("cy"),
                    CodeRepository.Review.commented("dee"), CodeRepository.Review.approved("cy"));
            try (FakeHub hub = FakeHub.start()) {
                hub.serveGit(temp.resolve("git"));
                hub.serve(repo);
                hub.gitHubPageSize(2);
                try (Git clone = Git.cloneRepository().setURI(hub.gitServerUrl() + "/acme/code.git")
                        .setDirectory(temp.resolve("clone").toFile()).setBare(true).call()) {
                    assertThat(clone.getRepository().resolve(Constants.HEAD).getName()).isEqualTo(merge);
                }
                String api = hub.githubApiUrl() + "/repos/acme/code";
                assertThat(get(api).body()).contains("\"default_branch\":\"main\"");
                assertThat(json(get(api + "/commits/" + direct + "/pulls"))).isEmpty();
                JsonNode pulls = json(get(api + "/commits/" + reviewed + "/pulls"));
                assertThat(pulls.get(0).path("number").asInt()).isEqualTo(7);
                assertThat(pulls.get(0).path("merged_at").asText()).isNotBlank();
                assertThat(json(get(api + "/commits/" + merge + "/pulls")).get(0).path("number").asInt()).isEqualTo(7);
                assertThat(get(api + "/commits/" + "f".repeat(40) + "/pulls").statusCode()).isEqualTo(422);

                HttpResponse<String> first = get(api + "/pulls/7/reviews?per_page=100");
                assertThat(json(first)).hasSize(2);
                String link = first.headers().firstValue("Link").orElseThrow();
                assertThat(link).contains("rel=\"next\"").contains("rel=\"last\"").contains(api + "/pulls/7/reviews?");
                String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                HttpResponse<String> second = get(next);
                assertThat(json(second).get(0).path("state").asText()).isEqualTo("APPROVED");
                assertThat(second.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"")
                        .contains("rel=\"prev\"");
                assertThat(json(get(api + "/pulls?state=closed"))).hasSize(1);
                assertThat(json(get(api + "/pulls"))).isEmpty(); // GitHub lists open pulls by default
                assertThat(json(get(api + "/contributors")).get(0).path("login").asText()).isEqualTo("ada");
            }
        }
    }

    @Test
    void rateLimitsAndSlowAnswersAreServedAsGitHubSendsThem() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            String repo = hub.githubApiUrl() + "/repos/google-research/bert";
            hub.rateLimitNext("/github/repos/google-research/bert", 60);
            HttpResponse<String> limited = get(repo);
            assertThat(limited.statusCode()).isEqualTo(403);
            assertThat(limited.headers().firstValue("x-ratelimit-remaining")).contains("0");
            assertThat(Long.parseLong(limited.headers().firstValue("x-ratelimit-reset").orElseThrow()))
                    .isGreaterThan(System.currentTimeMillis() / 1000);
            assertThat(limited.body()).contains("API rate limit exceeded");
            hub.tooManyRequestsNext("/github/repos/google-research/bert", 7);
            HttpResponse<String> tooMany = get(repo);
            assertThat(tooMany.statusCode()).isEqualTo(429);
            assertThat(tooMany.headers().firstValue("Retry-After")).contains("7");
            assertThat(get(repo).statusCode()).isEqualTo(200);

            hub.delay("/github/repos/google-research/bert", Duration.ofMillis(400));
            long started = System.nanoTime();
            assertThat(get(repo).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
            hub.delay("/github/repos/google-research/bert", Duration.ZERO);
        }
    }

    @Test
    void aModelsCommitsArePagedByLimitAndPageAsOnTheHub() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            String commits = hub.hfEndpoint() + "/api/models/openai/whisper-tiny/commits/main";
            assertThat(get(commits).statusCode()).isEqualTo(404);
            hub.serveModelCommits("openai/whisper-tiny", List.of(ModelCommit.by("sanchit"), ModelCommit.by("ArthurZ"),
                    ModelCommit.by("sanchit", "ylacombe")));
            HttpResponse<String> first = get(commits + "?limit=2");
            JsonNode page = json(first);
            assertThat(page).hasSize(2);
            assertThat(page.get(0).path("authors").get(0).path("user").asText()).isEqualTo("sanchit");
            assertThat(page.get(0).path("id").asText()).hasSize(40);
            String link = first.headers().firstValue("Link").orElseThrow();
            assertThat(link).contains("rel=\"next\"").contains("p=1");
            JsonNode second = json(get(link.substring(link.indexOf('<') + 1, link.indexOf('>'))));
            assertThat(second).hasSize(1);
            assertThat(second.get(0).path("authors")).hasSize(2);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
