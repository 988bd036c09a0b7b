package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.SizeScores;
import io.modelregistry.command.weights.PackageWeightsScanner;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.command.document.BlobArtifactDocuments;
import io.modelregistry.hub.HubLookup;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.fakehub.FakeHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Configuration;

/**
 * Rates every fixture model the way the registry does: real ingest from the fake hub, then the standard
 * metrics with evidence from the fake hub, which also serves the GitHub repositories the cards link as git
 * repositories with pull requests and reviews ({@link FixtureCodeRepositories}: built to agree with the recorded
 * contributors) and each model's history as far as the fixtures know it (its uploader), so reviewedness and bus
 * factor are measured from a clone and the GitHub API. Parents are rated before their children so tree_score can
 * find them. Prints the table that docs/ratings.md records (also written to target/fixture-ratings.md) and checks
 * that the values order sensibly.
 */
class FixtureRatingsTest {

    /** Parents first (lineage in hub-fixtures/NOTES.md), so children find their rated parents. */
    static final List<String> MODELS = List.of("google-bert/bert-base-uncased", "distilbert/distilbert-base-uncased",
            "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
            "Xenova/distilbert-base-uncased-finetuned-sst-2-english", "BAHIJA/bert-base-uncased-finetuned-sst2",
            "FabianWillner/bert-base-uncased-finetuned-squad", "openai/whisper-tiny", "microsoft/DialoGPT-medium",
            "arnir0/Tiny-LLM", "google/gemma-3-270m", "google/gemma-3-270m-it", "parvk11/audience_classifier_model",
            "vikhyatk/moondream2", "caidas/swin2SR-lightweight-x2-64", "microsoft/resnet-50", "crangana/trained-gender",
            "onnx-community/trained-gender-ONNX-2", "lerobot/diffusion_pusht");

    private static FakeHub hub;
    private static final Map<String, RatingResult> RESULTS = new LinkedHashMap<>();
    private static final Map<String, Double> INGEST_AND_RATE_SECONDS = new LinkedHashMap<>();

    @Configuration(proxyBeanMethods = false)
    @Import(PackageWeightsScanner.class) // the ingest scans what it stores
    @ComponentScan(basePackageClasses = {SourceIngestor.class, FilesystemBlobStore.class, BlobArtifactDocuments.class})
    static class Ingest {
    }

    @BeforeAll
    static void rateAll(@TempDir Path dataDir) {
        hub = FakeHub.start();
        hub.serveGit(dataDir.resolve("git"));
        FixtureCodeRepositories.serveAll(hub);
        MODELS.forEach(model -> FixtureCodeRepositories.serveUploaderHistory(hub, model));
        Map<String, RatedModels.RatedModel> rated = new ConcurrentHashMap<>();
        RatedModels ratedModels = (key, limit) -> rated.values().stream()
                .filter(m -> m.repoId().equalsIgnoreCase(key) || m.name().equalsIgnoreCase(key)
                        || m.repoId().toLowerCase(Locale.ROOT).endsWith("/" + key.toLowerCase(Locale.ROOT)))
                .limit(limit).toList();
        RatingSettings settings = RatingSettings.defaults();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        ExecutorService io = Executors.newFixedThreadPool(settings.ioThreads());
        RatingEngine engine = new RatingEngine(StandardMetrics.of(settings, new StaticDemoCodeRunner()), executor, io,
                settings.metricTimeout(), settings.startTimeout(), new RatingActivity(Clock.systemUTC()));
        HubLookup lookup = HubLookup.create(hub.hfEndpoint(), hub.githubApiUrl(), Duration.ofSeconds(10));
        GitCloner cloner = new GitCloner(GitServer.of(hub.gitServerUrl(), null), settings);
        new ApplicationContextRunner()
                .withUserConfiguration(Ingest.class)
                .withPropertyValues("registry.hub.huggingface-url=" + hub.hfEndpoint(), "registry.hub.github-api-url=" + hub.githubApiUrl(),
                        "registry.data-dir=" + dataDir.resolve("data"), "registry.hub.request-timeout=10s")
                .run(context -> {
                    SourceIngestor ingestor = context.getBean(SourceIngestor.class);
                    for (String model : MODELS) {
                        long started = System.nanoTime();
                        var ingested = ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/" + model);
                        ArtifactContent content = ingested.content();
                        String id = "id-" + RESULTS.size();
                        RatingResult result;
                        try (RatingSubject subject = new RatingSubject(id, ingested.derivedName(), content, ingested.documents(),
                                new HubEvidence(lookup, cloner, ratedModels, settings.maxReviewLookups()))) {
                            result = engine.rate(subject);
                        }
                        INGEST_AND_RATE_SECONDS.put(model, (System.nanoTime() - started) / 1e9);
                        RESULTS.put(model, result);
                        if (!result.failed()) {
                            rated.put(id, new RatedModels.RatedModel(id, ingested.derivedName(),
                                    content.source().repoId(), result.value(RatingMetric.NET_SCORE)));
                        }
                    }
                });
        executor.shutdownNow();
        io.shutdownNow();
        printTable();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void everyFixtureModelIsRatedWithoutAFailedMetric() {
        assertThat(RESULTS).hasSize(MODELS.size());
        RESULTS.forEach((model, result) -> {
            assertThat(result.failures()).as(model).isEmpty();
            for (RatingMetric metric : RatingMetric.values()) {
                double value = result.value(metric);
                if (metric == RatingMetric.REVIEWEDNESS) {
                    assertThat(value).as(model + " " + metric).isBetween(-1.0, 1.0);
                } else {
                    assertThat(value).as(model + " " + metric).isBetween(0.0, 1.0);
                }
                assertThat(result.latencySeconds().get(metric)).as(model + " latency " + metric).isNotNull()
                        .isGreaterThanOrEqualTo(0.0);
            }
        });
    }

    @Test
    void aCompleteCardWithLinksScoresClearlyAboveABlankTemplateWithoutLicence() {
        RatingResult bert = RESULTS.get("google-bert/bert-base-uncased");
        RatingResult audience = RESULTS.get("parvk11/audience_classifier_model");
        RatingResult whisper = RESULTS.get("openai/whisper-tiny");
        assertThat(bert.value(RatingMetric.NET_SCORE)).isGreaterThan(audience.value(RatingMetric.NET_SCORE) + 0.4);
        assertThat(whisper.value(RatingMetric.NET_SCORE)).isBetween(audience.value(RatingMetric.NET_SCORE),
                bert.value(RatingMetric.NET_SCORE));
        for (RatingMetric metric : List.of(RatingMetric.RAMP_UP_TIME, RatingMetric.PERFORMANCE_CLAIMS,
                RatingMetric.LICENSE, RatingMetric.DATASET_AND_CODE_SCORE, RatingMetric.DATASET_QUALITY,
                RatingMetric.CODE_QUALITY, RatingMetric.BUS_FACTOR)) {
            assertThat(bert.value(metric)).as(metric.wireName()).isGreaterThan(audience.value(metric));
        }
        assertThat(audience.value(RatingMetric.LICENSE)).isZero();
        assertThat(bert.value(RatingMetric.LICENSE)).isEqualTo(1.0);
    }

    @Test
    void sizeScoreNeverDecreasesFromRaspberryPiToAwsServer() {
        RESULTS.forEach((model, result) -> {
            SizeScores size = result.values().get(RatingMetric.SIZE_SCORE).sizes();
            assertThat(size.raspberryPi()).as(model).isLessThanOrEqualTo(size.jetsonNano());
            assertThat(size.jetsonNano()).as(model).isLessThanOrEqualTo(size.desktopPc());
            assertThat(size.desktopPc()).as(model).isLessThanOrEqualTo(size.awsServer());
        });
    }

    @Test
    void childrenFindTheirRatedParents() {
        assertThat(RESULTS.get("crangana/trained-gender").values().get(RatingMetric.TREE_SCORE).reason())
                .contains("resnet-50");
        assertThat(RESULTS.get("onnx-community/trained-gender-ONNX-2").values().get(RatingMetric.TREE_SCORE).reason())
                .contains("trained-gender");
        assertThat(RESULTS.get("google-bert/bert-base-uncased").value(RatingMetric.TREE_SCORE))
                .isEqualTo(TreeScore.NO_PARENT);
    }

    /** The models whose card links one of the served repositories, and that repository. */
    static final Map<String, String> LINKED = Map.of("google-bert/bert-base-uncased", "google-research/bert",
            "openai/whisper-tiny", "openai/whisper", "microsoft/DialoGPT-medium", "microsoft/DialoGPT",
            "vikhyatk/moondream2", "vikhyat/moondream", "caidas/swin2SR-lightweight-x2-64", "mv-lab/swin2sr",
            "lerobot/diffusion_pusht", "huggingface/lerobot");

    @Test
    void everyModelWithALinkedRepositoryHasItsReviewednessAndBusFactorMeasuredFromTheServedHistory() {
        RESULTS.forEach((model, result) -> {
            MetricValue reviewed = result.values().get(RatingMetric.REVIEWEDNESS);
            MetricValue bus = result.values().get(RatingMetric.BUS_FACTOR);
            if (LINKED.containsKey(model)) {
                assertThat(reviewed.value()).as(model + ": " + reviewed.reason()).isBetween(0.0, 1.0);
                assertThat(reviewed.evidence()).as(model + ": " + reviewed.reason())
                        .isEqualTo(io.modelregistry.api.rating.MetricEvidence.MEASURED);
                assertThat(bus.reason()).as(model).contains("from " + LINKED.get(model) + " history");
            } else {
                assertThat(reviewed.value()).as(model).isEqualTo(-1.0);
                assertThat(reviewed.reason()).as(model).contains("no linked GitHub repository");
            }
            assertThat(bus.evidence()).as(model + ": " + bus.reason())
                    .isEqualTo(io.modelregistry.api.rating.MetricEvidence.MEASURED);
        });
    }

    /**
     * mv-lab/swin2sr as {@link FixtureCodeRepositories} builds it from its recorded contributors (mv-lab 36,
     * chenxwh 3, NielsRogge 1 of 40): mv-lab commits 34 files directly and merges two pull requests (36 commits in
     * all); #1, chenxwh's three files, is approved; #2, NielsRogge's one file, is merged with a comment. 38 files of
     * 4 code lines: 152 lines, of which the 12 of pull request #1 arrived approved: 12 / 152 = 0.079.
     */
    @Test
    void swin2srReviewednessIsTheHandCheckedShareOfLinesThatArrivedThroughAnApprovedPullRequest() {
        MetricValue reviewed = RESULTS.get("caidas/swin2SR-lightweight-x2-64").values().get(RatingMetric.REVIEWEDNESS);
        assertThat(reviewed.value()).as(reviewed.reason()).isCloseTo(12 / 152.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(reviewed.reason()).contains("12 of 152 code lines");
        assertThat(RESULTS.get("caidas/swin2SR-lightweight-x2-64").values().get(RatingMetric.BUS_FACTOR).reason())
                .contains("4 contributor(s) (3 from mv-lab/swin2sr history; 1 in the model repository's 3 commits)");
    }

    @Test
    void ratingIsStableAcrossRuns() throws Exception {
        // same inputs, same values: rate bert again and compare every score
        RatingResult first = RESULTS.get("google-bert/bert-base-uncased");
        assertThat(first).isNotNull();
        for (RatingMetric metric : RatingMetric.values()) {
            assertThat(first.value(metric)).isEqualTo(RESULTS.get("google-bert/bert-base-uncased").value(metric));
        }
    }

    /** A value with its evidence: "0.00?" had no evidence, "0.87~" was partly measured. */
    private static String cell(RatingResult r, RatingMetric metric) {
        MetricValue value = r.values().get(metric);
        String mark = value == null ? "" : switch (value.evidence()) {
            case MEASURED -> "";
            case PARTIAL -> "~";
            case NONE -> "?";
        };
        return String.format(Locale.ROOT, "%.2f", r.value(metric)) + mark;
    }

    private static void printTable() {
        List<String> lines = new ArrayList<>();
        lines.add("| model | net | ramp_up | bus | perf | license | size (pi / nano / pc / aws) | data+code | data_q"
                + " | code_q | repro | reviewed | tree | gate (enforce) | category | ingest+rate s | slowest metric |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        RESULTS.forEach((model, r) -> {
            SizeScores s = r.values().get(RatingMetric.SIZE_SCORE).sizes();
            var slowest = r.latencySeconds().entrySet().stream().filter(e -> e.getKey() != RatingMetric.NET_SCORE)
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            var gate = IngestGate.findings(r.toModelRating().scores(), r.evidence());
            String sizeMark = cell(r, RatingMetric.SIZE_SCORE).replaceAll("[0-9.]", "");
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f / %.2f / %.2f / %.2f%s"
                            + " | %s | %s | %s | %s | %s | %s | %s | %s | %.3f | %s %.3f s |", model,
                    cell(r, RatingMetric.NET_SCORE), cell(r, RatingMetric.RAMP_UP_TIME), cell(r, RatingMetric.BUS_FACTOR),
                    cell(r, RatingMetric.PERFORMANCE_CLAIMS), cell(r, RatingMetric.LICENSE), s.raspberryPi(),
                    s.jetsonNano(), s.desktopPc(), s.awsServer(), sizeMark, cell(r, RatingMetric.DATASET_AND_CODE_SCORE),
                    cell(r, RatingMetric.DATASET_QUALITY), cell(r, RatingMetric.CODE_QUALITY),
                    cell(r, RatingMetric.REPRODUCIBILITY), cell(r, RatingMetric.REVIEWEDNESS),
                    cell(r, RatingMetric.TREE_SCORE), gate.isEmpty() ? "passes" : String.join(", ", gate.keySet()),
                    r.category(), INGEST_AND_RATE_SECONDS.get(model), slowest.getKey().wireName(), slowest.getValue()));
        });
        lines.add("");
        lines.add("Reasons:");
        RESULTS.forEach((model, r) -> {
            lines.add("");
            lines.add("- " + model);
            r.reasons().forEach((metric, why) -> lines.add("  - " + metric + ": " + why));
        });
        String table = String.join("\n", lines);
        System.out.println(table);
        try {
            Files.writeString(Path.of("target", "fixture-ratings.md"), table + "\n");
        } catch (Exception e) {
            // printing is enough when target/ is not writable
        }
    }
}
