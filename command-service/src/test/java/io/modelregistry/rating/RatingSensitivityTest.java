package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.command.document.BlobArtifactDocuments;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.command.weights.PackageWeightsScanner;
import io.modelregistry.fakehub.CodeRepository;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.hub.HubLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Which input moves which metric, measured: google-bert/bert-base-uncased is ingested once from the fake hub and
 * rated with the standard metrics, then rated again with one input changed at a time (the card's length, its
 * licence, its linked datasets, the downloads the hub reports, how many people wrote the linked repository and what
 * share of its pull requests were approved), and every metric's change and net_score's change are recorded. The
 * linked repository google-research/bert is built here as a family with two knobs: 10 pull requests of one code
 * file of 16 lines each, authored in turn by {@code people} people and merged by the first, the first
 * {@code approved} of them approved, the rest merged with a comment; the base is 4 people, 5 of 10 approved.
 * Prints the table docs/ratings.md records (also written to target/rating-sensitivity.md).
 */
class RatingSensitivityTest {

    private static final String MODEL = "google-bert/bert-base-uncased";
    private static final List<RatingMetric> COLUMNS = List.of(RatingMetric.RAMP_UP_TIME, RatingMetric.BUS_FACTOR,
            RatingMetric.PERFORMANCE_CLAIMS, RatingMetric.LICENSE, RatingMetric.SIZE_SCORE,
            RatingMetric.DATASET_AND_CODE_SCORE, RatingMetric.DATASET_QUALITY, RatingMetric.CODE_QUALITY,
            RatingMetric.REPRODUCIBILITY, RatingMetric.REVIEWEDNESS, RatingMetric.TREE_SCORE, RatingMetric.NET_SCORE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rated variants in the order they are printed; the first is the base. */
    private static final Map<String, RatingResult> RESULTS = new LinkedHashMap<>();
    private static ExecutorService metrics;
    private static ExecutorService io;
    private static final List<FakeHub> HUBS = new ArrayList<>();

    @Configuration(proxyBeanMethods = false)
    @Import(PackageWeightsScanner.class)
    @ComponentScan(basePackageClasses = {SourceIngestor.class, FilesystemBlobStore.class, BlobArtifactDocuments.class})
    static class Ingest {
    }

    private record Input(ArtifactContent content, ArtifactDocuments documents) {
        Input withReadme(UnaryOperator<String> change) {
            return new Input(content, new ArtifactDocuments(change.apply(documents.readme()), documents.configJson(),
                    documents.sourceMetadataJson()));
        }

        Input withLicence(String licence) {
            return new Input(new ArtifactContent(content.sourceUrl(), content.source(), content.pkg(),
                    content.documents(), licence, content.note(), content.version()), documents);
        }

        Input withHubInfo(UnaryOperator<ObjectNode> change) {
            try {
                ObjectNode info = (ObjectNode) JSON.readTree(documents.sourceMetadataJson());
                return new Input(content, new ArtifactDocuments(documents.readme(), documents.configJson(),
                        JSON.writeValueAsString(change.apply(info))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeAll
    static void rateEveryVariant(@TempDir Path temp) {
        metrics = Executors.newFixedThreadPool(8);
        io = Executors.newFixedThreadPool(RatingSettings.defaults().ioThreads());
        Map<String, FakeHub> hubs = new LinkedHashMap<>();
        for (int[] knobs : new int[][] {{4, 5}, {1, 5}, {2, 5}, {8, 5}, {4, 0}, {4, 10}}) {
            String key = knobs[0] + "/" + knobs[1];
            Path dir = temp.resolve("repo-" + knobs[0] + "-" + knobs[1]);
            try (CodeRepository built = variant(dir.resolve("work"), knobs[0], knobs[1])) {
                hubs.put(key, serving(dir.resolve("git"), built));
            }
        }
        java.util.function.Function<String, FakeHub> hub = hubs::get;
        FakeHub base = hub.apply("4/5");
        Input[] ingested = new Input[1];
        new ApplicationContextRunner()
                .withUserConfiguration(Ingest.class)
                .withPropertyValues("registry.hub.huggingface-url=" + base.hfEndpoint(),
                        "registry.hub.github-api-url=" + base.githubApiUrl(), "registry.data-dir=" + temp.resolve("data"),
                        "registry.hub.request-timeout=10s")
                .run(context -> {
                    var result = context.getBean(SourceIngestor.class).ingest(ArtifactType.MODEL, "https://huggingface.co/" + MODEL);
                    ingested[0] = new Input(result.content(), result.documents());
                });
        Input input = ingested[0];
        String readme = input.documents().readme();
        int bodyStart = readme.indexOf("\n---", 3) + 4;
        String frontMatter = readme.substring(0, bodyStart);
        String body = readme.substring(bodyStart);

        RESULTS.put("base: the fixture card, apache-2.0, bookcorpus + wikipedia, 4 people, 5 of 10 pull requests approved",
                rate(base, input));
        RESULTS.put("card body cut to its first half", rate(base, input.withReadme(r -> frontMatter
                + body.substring(0, body.length() / 2))));
        // the card's prose carries the repository link: keep it, so this row is the card's length alone
        RESULTS.put("card body removed (front matter and the repository link kept)", rate(base, input.withReadme(r ->
                frontMatter + "\n[this repository](https://github.com/google-research/bert)\n")));
        RESULTS.put("licence removed", rate(base, input.withLicence(null)
                .withReadme(r -> replacing(r, "license: apache-2.0\n", ""))));
        RESULTS.put("licence cc-by-nc-4.0 (non-commercial)", rate(base, input.withLicence("cc-by-nc-4.0")
                .withReadme(r -> replacing(r, "license: apache-2.0", "license: cc-by-nc-4.0"))));
        RESULTS.put("linked datasets removed (front matter)", rate(base, input
                .withReadme(r -> replacing(r, "datasets:\n- bookcorpus\n- wikipedia\n", ""))));
        RESULTS.put("code repository link removed (the card names no repository)", rate(base, input
                .withReadme(r -> replacing(r, "github.com/google-research/bert", "example.org/google-research/bert"))));
        RESULTS.put("downloads and likes divided by 100", rate(base, input.withHubInfo(info -> info
                .put("downloads", info.path("downloads").asLong() / 100).put("likes", info.path("likes").asLong() / 100))));
        RESULTS.put("linked repository by 1 person (was 4)", rate(hub.apply("1/5"), input));
        RESULTS.put("linked repository by 2 people (was 4)", rate(hub.apply("2/5"), input));
        RESULTS.put("linked repository by 8 people (was 4)", rate(hub.apply("8/5"), input));
        RESULTS.put("no pull request approved (was 5 of 10)", rate(hub.apply("4/0"), input));
        RESULTS.put("every pull request approved (was 5 of 10)", rate(hub.apply("4/10"), input));
        print();
    }

    /** {@code text} with {@code from} replaced; a fixture that no longer holds {@code from} fails here, not silently. */
    private static String replacing(String text, String from, String to) {
        assertThat(text).as("the fixture card").contains(from);
        return text.replace(from, to);
    }

    @AfterAll
    static void stop() {
        HUBS.forEach(FakeHub::close);
        metrics.shutdownNow();
        io.shutdownNow();
    }

    /** The family member of google-research/bert with {@code people} authors and {@code approved} approvals. */
    private static CodeRepository variant(Path work, int people, int approved) {
        long started = System.nanoTime();
        CodeRepository repo = CodeRepository.create(work, "google-research", "bert", "master");
        List<String> layout = FixtureCodeRepositories.LAYOUT.get("google-research/bert");
        Map<String, String> first = new java.util.TreeMap<>();
        layout.forEach(path -> first.put(path, path.endsWith(".py") ? "" : "# google-research/bert\n"));
        repo.commit("person0", first, "layout");
        for (int pull = 1; pull <= 10; pull++) {
            String author = "person" + (pull % people);
            repo.openPullRequest(pull, author);
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                code.append("def step_").append(i).append("(x):\n    y = x * 2\n    z = y + ").append(pull)
                        .append("\n    return z\n\n\n");
            }
            repo.commit(author, "bert/module_" + pull + ".py", code.toString());
            repo.mergePullRequest("person0", pull <= approved ? CodeRepository.Review.approved("reviewer")
                    : CodeRepository.Review.commented("reviewer"));
        }
        System.out.printf(Locale.ROOT, "[sensitivity] repository of %d people, %d approved, built in %.2f s%n", people,
                approved, (System.nanoTime() - started) / 1e9);
        return repo;
    }

    /** A fake hub serving {@code repository} (over git below {@code gitRoot}) and the model's uploader history. */
    private static FakeHub serving(Path gitRoot, CodeRepository repository) {
        FakeHub hub = FakeHub.start();
        HUBS.add(hub);
        hub.serveGit(gitRoot);
        FixtureCodeRepositories.serveUploaderHistory(hub, MODEL);
        hub.serve(repository);
        return hub;
    }

    private static RatingResult rate(FakeHub hub, Input input) {
        RatingSettings settings = RatingSettings.defaults();
        RatingEngine engine = new RatingEngine(StandardMetrics.of(settings, new StaticDemoCodeRunner()), metrics, io,
                settings.metricTimeout(), settings.startTimeout(), new RatingActivity(Clock.systemUTC()));
        HubLookup lookup = HubLookup.create(hub.hfEndpoint(), hub.githubApiUrl(), Duration.ofSeconds(10));
        GitCloner cloner = new GitCloner(GitServer.of(hub.gitServerUrl(), null), settings);
        try (RatingSubject subject = new RatingSubject("id-" + RESULTS.size(), "bert-base-uncased", input.content(),
                input.documents(), new HubEvidence(lookup, cloner, (key, limit) -> List.of(), settings.maxReviewLookups()))) {
            long started = System.nanoTime();
            RatingResult result = engine.rate(subject);
            System.out.printf(Locale.ROOT, "[sensitivity] rated in %.2f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(result.failures()).isEmpty();
            return result;
        }
    }

    private static double value(String variant, RatingMetric metric) {
        RatingResult result = RESULTS.get(variant);
        if (metric == RatingMetric.SIZE_SCORE) {
            var s = result.values().get(metric).sizes();
            return (s.raspberryPi() + s.jetsonNano() + s.desktopPc() + s.awsServer()) / 4;
        }
        return result.value(metric);
    }

    private static String base() {
        return RESULTS.keySet().iterator().next();
    }

    private static double change(String variant, RatingMetric metric) {
        return value(variant, metric) - value(base(), metric);
    }

    private static String variant(String prefix) {
        return RESULTS.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void removingTheLicenceZeroesItAndLowersTheNetScoreByExactlyItsWeightAndMovesNothingElse() {
        String removed = variant("licence removed");
        assertThat(value(removed, RatingMetric.LICENSE)).isZero();
        assertThat(change(removed, RatingMetric.NET_SCORE)).isCloseTo(-NetScore.WEIGHTS.get(RatingMetric.LICENSE)
                * value(base(), RatingMetric.LICENSE), offset(0.0005));
        for (RatingMetric metric : COLUMNS) {
            if (metric != RatingMetric.LICENSE && metric != RatingMetric.NET_SCORE) {
                assertThat(change(removed, metric)).as(metric.wireName()).isZero();
            }
        }
    }

    @Test
    void theReviewShareMovesOnlyReviewednessAndTheNetScoreByItsSmallWeight() {
        String none = variant("no pull request approved");
        String all = variant("every pull request approved");
        // 10 pull requests of 16 lines: approved 0, 80 and 160 of 160 lines
        assertThat(value(base(), RatingMetric.REVIEWEDNESS)).isCloseTo(0.5, offset(0.001));
        assertThat(value(none, RatingMetric.REVIEWEDNESS)).isZero();
        assertThat(value(all, RatingMetric.REVIEWEDNESS)).isCloseTo(1.0, offset(0.001));
        assertThat(change(all, RatingMetric.NET_SCORE)).isCloseTo(0.5 * NetScore.WEIGHTS.get(RatingMetric.REVIEWEDNESS),
                offset(0.0005));
        for (RatingMetric metric : COLUMNS) {
            if (metric != RatingMetric.REVIEWEDNESS && metric != RatingMetric.NET_SCORE) {
                assertThat(change(none, metric)).as(metric.wireName()).isZero();
                assertThat(change(all, metric)).as(metric.wireName()).isZero();
            }
        }
    }

    @Test
    void thePeopleOfTheLinkedRepositoryMoveBusFactorAndNoOtherMetric() {
        String alone = variant("linked repository by 1 person");
        String two = variant("linked repository by 2 people");
        String eight = variant("linked repository by 8 people");
        // fewer people, less bus factor, and more, more (bert's base is close to the ceiling of 1: little room left)
        assertThat(value(alone, RatingMetric.BUS_FACTOR)).isLessThan(value(two, RatingMetric.BUS_FACTOR));
        assertThat(value(two, RatingMetric.BUS_FACTOR)).isLessThan(value(base(), RatingMetric.BUS_FACTOR));
        assertThat(value(eight, RatingMetric.BUS_FACTOR)).isGreaterThan(value(base(), RatingMetric.BUS_FACTOR));
        for (RatingMetric metric : COLUMNS) {
            if (metric != RatingMetric.BUS_FACTOR && metric != RatingMetric.NET_SCORE) {
                assertThat(change(alone, metric)).as(metric.wireName()).isZero();
                assertThat(change(two, metric)).as(metric.wireName()).isZero();
            }
        }
    }

    @Test
    void theLicenceMovesTheNetScoreMoreThanAnyInputOfTheLinkedRepository() {
        double licence = Math.abs(change(variant("licence removed"), RatingMetric.NET_SCORE));
        for (String repositoryInput : List.of("linked repository by 1 person", "no pull request approved",
                "every pull request approved", "linked repository by 2 people")) {
            assertThat(Math.abs(change(variant(repositoryInput), RatingMetric.NET_SCORE))).as(repositoryInput)
                    .isLessThan(licence);
        }
    }

    private static void print() {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("| input changed |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (RatingMetric metric : COLUMNS) {
            header.append(' ').append(metric == RatingMetric.SIZE_SCORE ? "size (mean)" : metric.wireName()).append(" |");
            rule.append(" --- |");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        RESULTS.keySet().forEach(variant -> {
            StringBuilder row = new StringBuilder("| " + variant + " |");
            for (RatingMetric metric : COLUMNS) {
                row.append(' ').append(variant.equals(base())
                        ? String.format(Locale.ROOT, "%.2f", value(variant, metric))
                        : delta(change(variant, metric))).append(" |");
            }
            lines.add(row.toString());
        });
        String table = String.join("\n", lines);
        System.out.println(table);
        try {
            Files.writeString(Path.of("target", "rating-sensitivity.md"), table + "\n");
        } catch (Exception e) {
            // printing is enough when target/ is not writable
        }
    }

    private static String delta(double d) {
        return Math.abs(d) < 0.005 ? "·" : String.format(Locale.ROOT, "%+.2f", d);
    }
}
