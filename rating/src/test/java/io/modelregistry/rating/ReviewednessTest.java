package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.hub.HubLookup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviewedness end to end on loopback: a repository made with JGit (direct commits, a pull request merged with
 * an approving review, one merged without), cloned through a file: git server, and a stub GitHub API that maps
 * commits to pull requests and reviews.
 */
class ReviewednessTest {

    @TempDir
    Path server;

    private final RatingSettings settings = RatingSettings.defaults();

    @Test
    void countsOnlyCodeLinesThatArrivedThroughAnApprovedPullRequest() {
        String direct;
        String approvedCommit;
        String unapprovedCommit;
        try (GitFixtures repo = GitFixtures.repository(server.resolve("org/code.git"))) {
            direct = repo.commit("alice", "src/a.py", lines("a", 10) + "\n\n");       // 10 code lines, blanks ignored
            repo.commit("alice", "README.md", lines("doc", 50));                      // not code
            repo.commit("alice", "weights/model.bin", new byte[] {0, 1, 2, 0, 5, 0}); // binary, not code
            repo.branch("feature-1");
            approvedCommit = repo.commit("bob", "src/b.py", lines("b", 20));
            repo.mergeIntoMain("feature-1", 1);
            repo.branch("feature-2");
            unapprovedCommit = repo.commit("carol", "src/c.py", lines("c", 5));
            repo.mergeIntoMain("feature-2", 2);
        }
        try (StubGitHub github = new StubGitHub()) {
            github.answer("/repos/org/code", "{\"full_name\":\"org/code\",\"default_branch\":\"main\",\"size\":1,"
                            + "\"owner\":{\"type\":\"Organization\"}}")
                    .answer("/repos/org/code/commits/" + approvedCommit + "/pulls",
                            "[{\"number\":1,\"merged_at\":\"2024-01-01T00:00:00Z\"}]")
                    .answer("/repos/org/code/commits/" + unapprovedCommit + "/pulls",
                            "[{\"number\":2,\"merged_at\":\"2024-01-02T00:00:00Z\"},{\"number\":3,\"merged_at\":null}]")
                    .answer("/repos/org/code/commits/" + direct + "/pulls", "[]")
                    .answer("/repos/org/code/pulls/1/reviews", "[{\"state\":\"COMMENTED\"},{\"state\":\"APPROVED\"}]")
                    .answer("/repos/org/code/pulls/2/reviews", "[{\"state\":\"COMMENTED\"}]")
                    .answer("/repos/org/code/pulls/3/reviews", "[{\"state\":\"APPROVED\"}]");
            var evidence = new HubEvidence(HubLookup.create("http://127.0.0.1:9", github.url(), Duration.ofSeconds(5)),
                    new GitCloner(GitServer.of(server.toUri().toString(), null), settings),
                    (RatedModels) (key, limit) -> List.of(), settings.maxReviewLookups());
            try (RatingSubject subject = Subjects.model("org/model")
                    .readme("Code: https://github.com/org/code").build(evidence)) {
                MetricValue value = new Reviewedness(settings).compute(subject);
                assertThat(value.value()).isCloseTo(20 / 35.0, offset(0.001));
                assertThat(value.reason()).contains("20 of 35 code lines");
            }
        }
    }

    @Test
    void isNotApplicableWithoutALinkedRepository() {
        var value = new Reviewedness(settings).compute(Subjects.fixture("parvk11/audience_classifier_model").build());
        assertThat(value.value()).isEqualTo(-1);
        assertThat(value.reason()).isEqualTo("no linked GitHub repository");
        assertThat(value.evidence()).isEqualTo(io.modelregistry.api.rating.MetricEvidence.NONE);
    }

    @Test
    void degradesToNotApplicableWhenTheRepositoryCannotBeCloned() {
        var subject = Subjects.model("org/model").readme("https://github.com/org/code")
                .repository(Subjects.repo("org/code", "User", 1, "MIT", List.of(), null))
                .clone(CloneEvidence.none("could not be cloned (TransportException)")).build();
        var value = new Reviewedness(settings).compute(subject);
        assertThat(value.value()).isEqualTo(-1);
        assertThat(value.reason()).startsWith("org/code could not be cloned");
        assertThat(value.evidence()).isEqualTo(io.modelregistry.api.rating.MetricEvidence.NONE);
    }

    @Test
    void degradesWhenGitHubSaysNothingAboutTheCommits() throws Exception {
        try (GitFixtures repo = GitFixtures.repository(server.resolve("org/code.git"))) {
            repo.commit("alice", "a.py", "x = 1\n");
        }
        CloneEvidence clone = new GitCloner(GitServer.of(server.toUri().toString(), null), settings)
                .clone("org/code", "main", -1);
        try (var subject = Subjects.model("org/model").readme("https://github.com/org/code")
                .repository(Subjects.repo("org/code", "User", 1, "MIT", List.of(), null)).clone(clone).build()) {
            var value = new Reviewedness(settings).compute(subject);
            assertThat(value.value()).isEqualTo(-1);
            assertThat(value.reason()).contains("GitHub did not say");
        }
    }

    @Test
    void theLookUpBudgetBoundsGitHubCalls() {
        String sha = "a".repeat(40);
        try (StubGitHub github = new StubGitHub().answer("/repos/org/code/commits/" + sha + "/pulls", "[]")) {
            var evidence = new HubEvidence(HubLookup.create("http://127.0.0.1:9", github.url(), Duration.ofSeconds(5)),
                    new GitCloner(GitServer.of(server.toUri().toString(), null), settings),
                    (RatedModels) (key, limit) -> List.of(), 2);
            long later = System.nanoTime() + 5_000_000_000L;
            assertThat(evidence.approvedPullRequest("org/code", sha, later)).isEqualTo(ReviewLookup.of(false));
            assertThat(evidence.approvedPullRequest("org/code", sha, later)).isEqualTo(ReviewLookup.of(false));
            assertThat(evidence.approvedPullRequest("org/code", sha, later).unknownBecause()).contains("budget");
            assertThat(github.requests.get()).isEqualTo(2);
            // a commit GitHub does not know is "unknown", not "not reviewed"
            var fresh = new HubEvidence(HubLookup.create("http://127.0.0.1:9", github.url(), Duration.ofSeconds(5)),
                    new GitCloner(GitServer.of(server.toUri().toString(), null), settings),
                    (RatedModels) (key, limit) -> List.of(), 2);
            assertThat(fresh.approvedPullRequest("org/code", "b".repeat(40), later).known()).isFalse();
        }
    }

    private static String lines(String prefix, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(prefix).append("_").append(i).append(" = ").append(i).append('\n');
        }
        return out.toString();
    }
}
