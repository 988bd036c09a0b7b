package io.modelregistry.command.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.command.weights.PackageWeightsScanner;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.fakehub.CodeRepository;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.fakehub.ModelCommit;
import io.modelregistry.hub.HubLookup;
import io.modelregistry.rating.DemoCodeRunner;
import io.modelregistry.rating.GatePolicy;
import io.modelregistry.rating.GitServer;
import io.modelregistry.rating.ModelRatings;
import io.modelregistry.rating.RatingActivity;
import io.modelregistry.rating.RatingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Configuration;

/**
 * Fifteen ingests at once against the fake hub, which also serves every code repository the cards link as a
 * real git repository (smart HTTP) with its pull requests and reviews on the GitHub API, and every model's own
 * commit history on the Hub, so each rating fetches hub metadata, asks GitHub, clones, blames and looks up how
 * the commits arrived, all on the production pool sizes and deadlines (8 metric threads, 16 I/O threads, 30 s
 * per metric from its start). Every metric of every rating must have a value: none failed, none timed out,
 * none left unstarted; reviewedness is measured for every model whose linked repository is served.
 */
class ConcurrentIngestRatingTest {

    static final List<String> MODELS = List.of("google-bert/bert-base-uncased", "distilbert/distilbert-base-uncased",
            "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
            "Xenova/distilbert-base-uncased-finetuned-sst-2-english", "BAHIJA/bert-base-uncased-finetuned-sst2",
            "FabianWillner/bert-base-uncased-finetuned-squad", "openai/whisper-tiny", "microsoft/DialoGPT-medium",
            "arnir0/Tiny-LLM", "google/gemma-3-270m", "google/gemma-3-270m-it", "parvk11/audience_classifier_model",
            "vikhyatk/moondream2", "caidas/swin2SR-lightweight-x2-64", "microsoft/resnet-50");
    /**
     * The automated client's run holds about 13 models (as its observed runs show): the ones it is seen to use (bert, whisper,
     * the audience classifier, swin2SR, and the chain resnet-50 → trained-gender → its ONNX export), filled up with
     * the fixture models of the same kinds (a distilled model, a vision-language model, a robotics policy, a dialogue
     * model, a small and a gated language model).
     */
    static final List<String> CLIENT_RUN = List.of("google-bert/bert-base-uncased", "parvk11/audience_classifier_model",
            "openai/whisper-tiny", "caidas/swin2SR-lightweight-x2-64", "microsoft/resnet-50", "crangana/trained-gender",
            "onnx-community/trained-gender-ONNX-2", "distilbert/distilbert-base-uncased", "vikhyatk/moondream2",
            "lerobot/diffusion_pusht", "microsoft/DialoGPT-medium", "arnir0/Tiny-LLM", "google/gemma-3-270m");
    /** What the client allows each /rate, which answers once the rating done at ingest is recorded. */
    static final Duration CLIENT_LIMIT = Duration.ofMinutes(2);
    private static final Actor ADMIN = new Actor("admin", true);

    @Configuration(proxyBeanMethods = false)
    @Import(PackageWeightsScanner.class) // the ingest scans what it stores
    @ComponentScan(basePackageClasses = {SourceIngestor.class, FilesystemBlobStore.class})
    static class Ingest {
    }

    private record Rated(RatingOutcome outcome, double seconds) {
    }

    @Test
    void fifteenConcurrentIngestsAreAllRatedInTimeWithClonesFromTheHub(@TempDir Path temp) throws Exception {
        Path repos = temp.resolve("git");
        RatingSettings settings = RatingSettings.defaults();
        ExecutorService metricPool = ModelRatings.pool("rating-metric", settings.threads());
        ExecutorService ioPool = ModelRatings.pool("rating-io", settings.ioThreads());
        ExecutorService clients = Executors.newFixedThreadPool(MODELS.size());
        try (FakeHub hub = FakeHub.start()) {
            hub.serveGit(repos);
            int served = serveLinkedRepositories(hub, temp.resolve("work"));
            assertThat(served).isGreaterThanOrEqualTo(5);
            for (String model : MODELS) {
                String uploader = model.substring(0, model.indexOf('/'));
                hub.serveModelCommits(model, List.of(ModelCommit.by(uploader), ModelCommit.by("hf-maintainer"),
                        ModelCommit.by(uploader, "co-author")));
            }
            ModelRatings ratings = advisoryRatings(settings, hub, metricPool, ioPool);
            Map<String, Rated> results = new ConcurrentHashMap<>();
            double wall = ingestAndRateAtOnce(hub, temp, ratings, MODELS, clients, results, Duration.ofMinutes(3));
            report(results, wall, hub);
            assertThat(results).hasSize(MODELS.size());
            results.forEach((model, rated) -> {
                RatingOutcome outcome = rated.outcome();
                assertThat(outcome.failedMetrics()).as(model + ": " + outcome.reasons()).isEmpty();
                for (RatingMetric metric : RatingMetric.values()) {
                    assertThat(outcome.reasons()).as(model).containsKey(metric.wireName());
                    assertThat(outcome.reasons().get(metric.wireName())).as(model + " " + metric)
                            .doesNotContain("timed out").doesNotContain("saturated");
                    assertThat(outcome.rating().latency(metric)).as(model + " latency " + metric)
                            .isLessThan(settings.metricTimeout().toSeconds());
                }
            });
            // the clones really happened, blame ran over code the fake hub's git server sent, and GitHub's pulls and
            // reviews said how each line arrived: 6 of the 14 code lines of every served repository were approved
            for (String model : List.of("google-bert/bert-base-uncased", "openai/whisper-tiny",
                    "microsoft/DialoGPT-medium", "vikhyatk/moondream2", "caidas/swin2SR-lightweight-x2-64")) {
                RatingOutcome outcome = results.get(model).outcome();
                assertThat(outcome.rating().scores().reviewedness()).as(model + ": " + outcome.reasons().get("reviewedness"))
                        .isCloseTo(6 / 14.0, org.assertj.core.data.Offset.offset(0.001));
                assertThat(outcome.reasons().get("reviewedness")).as(model).contains("6 of 14 code lines");
                assertThat(outcome.reasons().get("bus_factor")).as(model).contains("in the model repository's 3 commits");
            }
            assertThat(hub.requestCount("/git/")).isGreaterThanOrEqualTo(8);
        } finally {
            clients.shutdownNow();
            metricPool.shutdownNow();
            ioPool.shutdownNow();
        }
    }

    /**
     * A small repository for every GitHub repository the fixtures record, on its default branch: 6 code lines (a
     * model and its test) committed directly, 6 through an approved pull request, 2 through one merged without an
     * approval: 6 of 14 lines approved.
     */
    /**
     * The client's 13 models ingested and rated at once (each rating waits for nothing but its own evidence) with every
     * linked repository served as git with its pull requests and reviews, built as the calibration table builds them
     * ({@link io.modelregistry.rating.FixtureCodeRepositories}), and every model's history: each ingest and rating ends
     * within the client's two minutes, none fails, and reviewedness is measured where a repository is linked, with the
     * values the sequential calibration table has (bert: 16 of 140 lines, swin2sr: 12 of 152, arithmetic in
     * FixtureCodeRepositories and FixtureRatingsTest).
     */
    @Test
    void theThirteenModelsOfTheAutomatedClientsRunAreRatedConcurrentlyWithinItsTimeLimitWithGitServed(@TempDir Path temp)
            throws Exception {
        RatingSettings settings = RatingSettings.defaults();
        ExecutorService metricPool = ModelRatings.pool("rating-metric", settings.threads());
        ExecutorService ioPool = ModelRatings.pool("rating-io", settings.ioThreads());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_RUN.size());
        try (FakeHub hub = FakeHub.start()) {
            hub.serveGit(temp.resolve("git"));
            long building = System.nanoTime();
            io.modelregistry.rating.FixtureCodeRepositories.serveAll(hub);
            double built = (System.nanoTime() - building) / 1e9;
            CLIENT_RUN.forEach(model -> io.modelregistry.rating.FixtureCodeRepositories.serveUploaderHistory(hub, model));
            ModelRatings ratings = advisoryRatings(settings, hub, metricPool, ioPool);
            Map<String, Rated> results = new ConcurrentHashMap<>();
            double wall = ingestAndRateAtOnce(hub, temp, ratings, CLIENT_RUN, clients, results,
                    CLIENT_LIMIT.plusSeconds(30));
            double slowest = results.values().stream().mapToDouble(Rated::seconds).max().orElse(0);
            String line = String.format(Locale.ROOT, "the client's 13 models at once, git served: %.2f s wall, slowest"
                    + " ingest+rating %.2f s (limit %d s); the 6 repositories built and served in %.2f s", wall, slowest,
                    CLIENT_LIMIT.toSeconds(), built);
            System.out.println(line);
            Files.writeString(Path.of("target", "client-run-rating.txt"), line + "\n");
            assertThat(results).hasSize(CLIENT_RUN.size());
            results.forEach((model, rated) -> {
                assertThat(rated.seconds()).as(model).isLessThan(CLIENT_LIMIT.toSeconds());
                assertThat(rated.outcome().failedMetrics()).as(model + ": " + rated.outcome().reasons()).isEmpty();
            });
            for (String model : List.of("google-bert/bert-base-uncased", "openai/whisper-tiny", "caidas/swin2SR-lightweight-x2-64",
                    "vikhyatk/moondream2", "lerobot/diffusion_pusht", "microsoft/DialoGPT-medium")) {
                assertThat(results.get(model).outcome().reasons().get("reviewedness")).as(model).startsWith("measured: ");
            }
            assertThat(results.get("google-bert/bert-base-uncased").outcome().rating().scores().reviewedness())
                    .isCloseTo(16 / 140.0, org.assertj.core.data.Offset.offset(0.001));
            assertThat(results.get("caidas/swin2SR-lightweight-x2-64").outcome().rating().scores().reviewedness())
                    .isCloseTo(12 / 152.0, org.assertj.core.data.Offset.offset(0.001));
            assertThat(results.get("microsoft/resnet-50").outcome().rating().scores().reviewedness()).isEqualTo(-1.0);
        } finally {
            clients.shutdownNow();
            metricPool.shutdownNow();
            ioPool.shutdownNow();
        }
    }

    /** Ratings as the advisory gate gives them, with the hub's git served; nothing is refused. */
    private static ModelRatings advisoryRatings(RatingSettings settings, FakeHub hub, ExecutorService metricPool,
                                                ExecutorService ioPool) {
        return ModelRatings.create(settings, GatePolicy.ADVISORY,
                HubLookup.create(hub.hfEndpoint(), hub.githubApiUrl(), Duration.ofSeconds(20)),
                GitServer.of(hub.gitServerUrl(), null), (key, limit) -> List.of(), DemoCodeRunner.staticCheck(),
                new RatingActivity(Clock.systemUTC()), metricPool, ioPool, refused -> {
                    throw new AssertionError("advisory refuses nothing");
                }, Clock.systemUTC());
    }

    /** Ingests and rates the models at once, from one start signal; answers the wall time in seconds. */
    private static double ingestAndRateAtOnce(FakeHub hub, Path temp, ModelRatings ratings, List<String> models,
                                              ExecutorService clients, Map<String, Rated> results, Duration wait) {
        double[] wall = new double[1];
        new ApplicationContextRunner()
                .withUserConfiguration(Ingest.class)
                .withPropertyValues("registry.hub.huggingface-url=" + hub.hfEndpoint(), "registry.hub.github-api-url=" + hub.githubApiUrl(),
                        "registry.data-dir=" + temp.resolve("data"), "registry.hub.request-timeout=20s")
                .run(context -> {
                    SourceIngestor ingestor = context.getBean(SourceIngestor.class);
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<?>> running = new ArrayList<>();
                    for (String model : models) {
                        running.add(clients.submit(() -> {
                            go.await();
                            long started = System.nanoTime();
                            var ingested = ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/" + model);
                            RatingOutcome outcome = ratings.rateForIngest(ingested.derivedName(),
                                    "https://huggingface.co/" + model, ingested.content(), ingested.documents(), ADMIN);
                            results.put(model, new Rated(outcome, (System.nanoTime() - started) / 1e9));
                            return null;
                        }));
                    }
                    long started = System.nanoTime();
                    go.countDown();
                    for (Future<?> ingest : running) {
                        ingest.get(wait.toSeconds(), TimeUnit.SECONDS);
                    }
                    wall[0] = (System.nanoTime() - started) / 1e9;
                });
        return wall[0];
    }

    private static int serveLinkedRepositories(FakeHub hub, Path work) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int count = 0;
        for (String fullName : List.of("google-research/bert", "openai/whisper", "microsoft/DialoGPT",
                "vikhyat/moondream", "mv-lab/swin2sr", "karpathy/nanoGPT", "comfyanonymous/ComfyUI")) {
            JsonNode repo;
            try (InputStream in = FakeHub.class.getResourceAsStream("/hub-fixtures/github/repos/" + fullName + ".json")) {
                repo = json.readTree(in);
            }
            String[] name = fullName.split("/");
            try (CodeRepository code = CodeRepository.create(work.resolve(fullName), name[0], name[1],
                    repo.path("default_branch").asText("main"))) {
                code.commit("ada", Map.of("model.py", "def layer(x):\n    y = x * 2\n    z = y + 1\n    return z\n",
                        "tests/test_model.py", "def test_layer():\n    assert True\n"), "model");
                code.openPullRequest(1, "grace");
                code.commit("grace", "train.py", "import model\n\n\ndef train(x):\n    a = model.layer(x)\n"
                        + "    b = a - 1\n    c = b * 3\n    return c\n");
                code.mergePullRequest("ada", CodeRepository.Review.approved("linus"));
                code.openPullRequest(2, "linus");
                code.commit("linus", "util.py", "def half(x):\n    return x / 2\n");
                code.mergePullRequest("ada", CodeRepository.Review.commented("grace"));
                hub.serve(code);
            }
            count++;
        }
        return count;
    }

    private static void report(Map<String, Rated> results, double wallSeconds, FakeHub hub) throws IOException {
        double slowestRating = results.values().stream().mapToDouble(Rated::seconds).max().orElse(0);
        double slowestMetric = results.values().stream().flatMap(r -> r.outcome().rating().latencySeconds().entrySet()
                .stream().filter(e -> !e.getKey().equals("net_score"))).mapToDouble(Map.Entry::getValue).max().orElse(0);
        // a rating's own wall time bounds what its metrics spent queued plus running: what a deadline counted
        // from submission would have had to allow, against the slowest metric counted from its own start
        double slowestRatingAlone = results.values().stream()
                .mapToDouble(r -> r.outcome().rating().latency(RatingMetric.NET_SCORE)).max().orElse(0);
        String line = String.format(Locale.ROOT, "15 concurrent ingests: %.2f s wall, slowest ingest+rating %.2f s,"
                        + " slowest rating %.3f s, slowest metric %.3f s from its start, %d git requests to the fake hub",
                wallSeconds, slowestRating, slowestRatingAlone, slowestMetric, hub.requestCount("/git/"));
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "concurrent-ingest-rating.txt"), line + "\n");
        } catch (IOException e) {
            // printing is enough when target/ is not writable
        }
    }
}
