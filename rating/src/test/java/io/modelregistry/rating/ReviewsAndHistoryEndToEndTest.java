package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.fakehub.CodeRepository;
import io.modelregistry.fakehub.CodeRepository.Review;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.fakehub.ModelCommit;
import io.modelregistry.hub.HubLookup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviewedness and bus factor of caidas/swin2SR-lightweight-x2-64 computed by the standard metrics on the rating
 * engine, with the real hub look-up and git cloner against the fake hub: the card links mv-lab/swin2sr, which this
 * test builds with JGit (direct commits, merged pull requests with and without an approving review, one closed
 * unmerged) and the fake hub serves over git and on its GitHub API, lists paged two items at a time; the model
 * repository's own 120 commits are served on the Hub's commits endpoint (two pages of 100).
 */
class ReviewsAndHistoryEndToEndTest {

    private static final String MODEL = "caidas/swin2SR-lightweight-x2-64";
    private static final String COMMITS = "/github/repos/mv-lab/swin2sr/commits/";

    @TempDir
    static Path temp;
    private static CodeRepository repository;
    private static ExecutorService metrics;
    private static ExecutorService io;

    /**
     * What blame attributes at the head of main (non-blank lines of code files; README.md is not code, merge commits
     * change no line):
     * <pre>
     *   src/model.py   10 lines by ada (direct commit), of which PR #4 (bob, approved by dee) rewrote lines 1-4:
     *                  6 lines ada direct (no pull request: not approved), 4 lines PR #4 (approved)
     *   src/layers.py  20 lines PR #1 (bob; reviews COMMENTED, COMMENTED, APPROVED: the approval is on the
     *                  second page of reviews): approved
     *   src/train.py    8 lines PR #2 (cy; CHANGES_REQUESTED, COMMENTED): not approved
     *   src/data.py     PR #3 (dee, approved) was closed unmerged: not on main, not counted
     * </pre>
     * approved 20 + 4 = 24 of 6 + 4 + 20 + 8 = 38 lines: 24 / 38 = 0.632 (four commits looked up).
     */
    @BeforeAll
    static void buildTheCodeRepository() {
        repository = CodeRepository.create(temp.resolve("work"), "mv-lab", "swin2sr", "main");
        repository.commit("ada", "src/model.py", lines("m", 10));
        repository.commit("ada", "README.md", lines("readme", 30));
        repository.openPullRequest(1, "bob");
        repository.commit("bob", "src/layers.py", lines("layer", 20));
        repository.mergePullRequest("ada", Review.commented("cy"), Review.commented("dee"), Review.approved("cy"));
        repository.openPullRequest(2, "cy");
        repository.commit("cy", "src/train.py", lines("train", 8));
        repository.mergePullRequest("ada", Review.changesRequested("ada"), Review.commented("bob"));
        repository.openPullRequest(3, "dee");
        repository.commit("dee", "src/data.py", lines("data", 6));
        repository.closePullRequest(Review.approved("ada"));
        repository.openPullRequest(4, "bob");
        repository.commit("bob", "src/model.py", lines("rewritten", 4) + lines("m", 10).lines().skip(4)
                .map(l -> l + "\n").reduce("", String::concat));
        repository.mergePullRequest("ada", Review.approved("dee"));
        metrics = Executors.newFixedThreadPool(8);
        io = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        repository.close();
        metrics.shutdownNow();
        io.shutdownNow();
    }

    @Test
    void reviewednessIsTheHandCheckedShareOfApprovedLinesAndBusFactorCountsBothHistories() {
        try (FakeHub hub = serving("plain")) {
            RatingResult result = rate(hub, RatingSettings.defaults());
            assertThat(result.failures()).isEmpty();
            MetricValue reviewed = result.values().get(RatingMetric.REVIEWEDNESS);
            assertThat(reviewed.value()).as(reviewed.reason()).isCloseTo(24 / 38.0, offset(0.001));
            assertThat(reviewed.reason()).contains("24 of 38 code lines").contains("4 of 4 commits looked up");
            assertThat(result.evidence()).containsEntry("reviewedness", "measured").containsEntry("bus_factor", "measured");
            // code: ada 5 commits (2 direct, 3 merges), bob 2, cy 1 (dee's commit never reached main);
            // model: caidas 90, nielsr 30 of 120 commits, read over two pages. Shares, each history half:
            // .3125, .125, .0625, .375, .125 -> sum of squares .2734 -> effective 3.66
            MetricValue bus = result.values().get(RatingMetric.BUS_FACTOR);
            assertThat(bus.reason()).contains("5 contributor(s) (3 from mv-lab/swin2sr history; 2 in the model"
                    + " repository's 120 commits)").contains("effective 3.66").contains("an organisation's repository");
            assertThat(hub.requestCount("/huggingface/api/models/" + MODEL + "/commits/")).isEqualTo(2);
            assertThat(hub.requestCount("/github/repos/mv-lab/swin2sr/pulls/1/reviews")).isEqualTo(2);
        }
    }

    @Test
    void aRateLimitedGitHubLeavesReviewednessNotMeasuredWithTheReasonAndIsNotAskedAgain() {
        try (FakeHub hub = serving("limited")) {
            hub.rateLimitNext(COMMITS, 3_600);
            hub.tooManyRequestsNext("/huggingface/api/models/" + MODEL + "/commits/", 600);
            RatingResult result = rate(hub, RatingSettings.defaults());
            assertThat(result.failures()).isEmpty();
            MetricValue reviewed = result.values().get(RatingMetric.REVIEWEDNESS);
            assertThat(reviewed.value()).isEqualTo(-1);
            assertThat(reviewed.evidence()).isEqualTo(MetricEvidence.NONE);
            assertThat(reviewed.reason()).startsWith("GitHub did not say how the commits of mv-lab/swin2sr"
                    + " arrived").contains("GitHub's rate limit is reached").contains("(4 commits)");
            assertThat(hub.requestCount(COMMITS)).isEqualTo(1);
            assertThat(result.values().get(RatingMetric.BUS_FACTOR).reason())
                    .contains("model repository history unknown: HuggingFace's rate limit is reached");
        }
    }

    @Test
    void aRateLimitedRepositoryLookUpLeavesBusFactorWithTheModelsHistoryAndSaysWhy() {
        try (FakeHub hub = serving("repo-limited")) {
            hub.rateLimitNext("/github/repos/mv-lab/swin2sr", 3_600);
            RatingResult result = rate(hub, RatingSettings.defaults());
            assertThat(result.failures()).isEmpty();
            assertThat(result.values().get(RatingMetric.BUS_FACTOR).reason())
                    .contains("2 contributor(s) (linked code repository unknown: GitHub's rate limit is reached")
                    .contains("2 in the model repository's 120 commits");
            assertThat(result.values().get(RatingMetric.REVIEWEDNESS).reason())
                    .startsWith("no linked repository is reachable (mv-lab/swin2sr: GitHub's rate limit");
            assertThat(result.evidence()).containsEntry("reviewedness", "none").containsEntry("bus_factor", "partial");
            assertThat(hub.requestCount("/github/")).isEqualTo(1);
        }
    }

    @Test
    void aShortRetryAfterIsWaitedOutAndTheLookUpRepeatedOnce() {
        try (FakeHub hub = serving("retry")) {
            hub.tooManyRequestsNext(COMMITS, 1);
            RatingResult result = rate(hub, RatingSettings.defaults());
            assertThat(result.value(RatingMetric.REVIEWEDNESS)).isCloseTo(24 / 38.0, offset(0.001));
            assertThat(hub.requestCount(COMMITS)).isEqualTo(5);
        }
    }

    @Test
    void aGitHubThatDoesNotAnswerEndsInNotMeasuredWithinTheMetricsTimeLimit() {
        RatingSettings defaults = RatingSettings.defaults();
        RatingSettings tight = new RatingSettings(Duration.ofSeconds(3), defaults.threads(), defaults.cloneTimeout(),
                defaults.cloneMaxBytes(), defaults.blameBudget(), defaults.maxBlameFiles(), defaults.maxReviewLookups(),
                defaults.startTimeout(), defaults.ioThreads());
        try (FakeHub hub = serving("slow")) {
            hub.delay(COMMITS, Duration.ofSeconds(6));
            RatingResult result = rate(hub, tight);
            assertThat(result.failures()).isEmpty();
            MetricValue reviewed = result.values().get(RatingMetric.REVIEWEDNESS);
            assertThat(reviewed.value()).isEqualTo(-1);
            assertThat(reviewed.reason()).startsWith("GitHub did not say").contains("did not answer");
            assertThat(result.reasons().get("reviewedness")).startsWith("no evidence (unknown, not scored as poor): GitHub");
            assertThat(result.latencySeconds().get(RatingMetric.REVIEWEDNESS)).isLessThan(3.0);
            hub.delay(COMMITS, Duration.ZERO);
        }
    }

    private static FakeHub serving(String name) {
        FakeHub hub = FakeHub.start();
        hub.serveGit(temp.resolve("git-" + name));
        hub.serve(repository);
        hub.gitHubPageSize(2);
        List<ModelCommit> history = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            history.add(ModelCommit.by(i % 4 == 3 ? "nielsr" : "caidas"));
        }
        hub.serveModelCommits(MODEL, history);
        return hub;
    }

    private static RatingResult rate(FakeHub hub, RatingSettings settings) {
        RatingEngine engine = new RatingEngine(StandardMetrics.of(settings, new StaticDemoCodeRunner()), metrics, io,
                settings.metricTimeout(), settings.startTimeout(), new RatingActivity(Clock.systemUTC()));
        var evidence = new HubEvidence(HubLookup.create(hub.hfEndpoint(), hub.githubApiUrl(), Duration.ofSeconds(10)),
                new GitCloner(GitServer.of(hub.gitServerUrl(), null), settings),
                (RatedModels) (key, limit) -> List.of(), settings.maxReviewLookups());
        try (RatingSubject subject = Subjects.fixture(MODEL).build(evidence)) {
            return engine.rate(subject);
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
