package io.modelregistry.command.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.command.weights.PackageWeightsScanner;
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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A figure, not a test (its name keeps it out of the suite; it asserts nothing): the time to ingest
 * google-bert/bert-base-uncased from the fake hub and rate it with its linked repository google-research/bert
 * cloned from the fake hub's git server (a built repository of 40 code files, 4 authors, 10 merged pull requests,
 * with reviews on the GitHub API) and its own hub history served, and which metric was slowest. Run it with
 * {@code mvn -o -q -pl command-service test -Dtest=OneModelWithCloneFigure -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code command-service/target/one-model-with-clone.txt}. The first round pays for a cold JVM (JGit,
 * HTTP client); the later rounds are the steady figure.
 */
class OneModelWithCloneFigure {

    private static final String MODEL = "google-bert/bert-base-uncased";
    private static final int ROUNDS = 6;
    private static final Actor ADMIN = new Actor("admin", true);

    @Configuration(proxyBeanMethods = false)
    @Import(PackageWeightsScanner.class)
    @ComponentScan(basePackageClasses = {SourceIngestor.class, FilesystemBlobStore.class})
    static class Ingest {
    }

    @Test
    void printsTheTimeToIngestAndRateOneModelWithAClonedRepository(@TempDir Path temp) throws Exception {
        RatingSettings settings = RatingSettings.defaults();
        ExecutorService metricPool = ModelRatings.pool("rating-metric", settings.threads());
        ExecutorService ioPool = ModelRatings.pool("rating-io", settings.ioThreads());
        List<String> lines = new ArrayList<>();
        try (FakeHub hub = FakeHub.start()) {
            hub.serveGit(temp.resolve("git"));
            hub.serve(buildBert(temp.resolve("work")));
            hub.serveModelCommits(MODEL, List.of(ModelCommit.by("lysandre"), ModelCommit.by("julien-c"),
                    ModelCommit.by("patrickvonplaten"), ModelCommit.by("lysandre")));
            ModelRatings ratings = ModelRatings.create(settings, GatePolicy.ADVISORY,
                    HubLookup.create(hub.hfEndpoint(), hub.githubApiUrl(), Duration.ofSeconds(20)),
                    GitServer.of(hub.gitServerUrl(), null), (key, limit) -> List.of(), DemoCodeRunner.staticCheck(),
                    new RatingActivity(Clock.systemUTC()), metricPool, ioPool, refused -> { }, Clock.systemUTC());
            new ApplicationContextRunner()
                    .withUserConfiguration(Ingest.class)
                    .withPropertyValues("registry.hub.huggingface-url=" + hub.hfEndpoint(),
                            "registry.hub.github-api-url=" + hub.githubApiUrl(), "registry.data-dir=" + temp.resolve("data"),
                            "registry.hub.request-timeout=20s")
                    .run(context -> {
                        SourceIngestor ingestor = context.getBean(SourceIngestor.class);
                        for (int round = 1; round <= ROUNDS; round++) {
                            long started = System.nanoTime();
                            var ingested = ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/" + MODEL);
                            long ingestedAt = System.nanoTime();
                            RatingOutcome outcome = ratings.rateForIngest(ingested.derivedName(),
                                    "https://huggingface.co/" + MODEL, ingested.content(), ingested.documents(), ADMIN);
                            long done = System.nanoTime();
                            var slowest = outcome.rating().latencySeconds().entrySet().stream()
                                    .filter(e -> !e.getKey().equals(RatingMetric.NET_SCORE.wireName()))
                                    .max(Map.Entry.comparingByValue()).orElseThrow();
                            lines.add(String.format(Locale.ROOT, "round %d%s: ingest+rate %.3f s (ingest %.3f s, rating"
                                            + " %.3f s), slowest metric %s %.3f s; reviewedness %.3f (%s)", round,
                                    round == 1 ? " (cold JVM)" : "", (done - started) / 1e9, (ingestedAt - started) / 1e9,
                                    (done - ingestedAt) / 1e9, slowest.getKey(), slowest.getValue(),
                                    outcome.rating().scores().reviewedness(), outcome.reasons().get("reviewedness")));
                        }
                    });
        } finally {
            metricPool.shutdownNow();
            ioPool.shutdownNow();
        }
        String text = String.join("\n", lines) + "\n";
        System.out.print(text);
        Files.writeString(Path.of("target", "one-model-with-clone.txt"), text);
    }

    private static CodeRepository buildBert(Path work) throws Exception {
        JsonNode recorded;
        try (InputStream in = FakeHub.class.getResourceAsStream("/hub-fixtures/github/repos/google-research/bert.json")) {
            recorded = new ObjectMapper().readTree(in);
        }
        CodeRepository repo = CodeRepository.create(work, "google-research", "bert",
                recorded.path("default_branch").asText("master"));
        String[] people = {"jacobdevlin", "slavpetrov", "iuliaturc", "abhishekkrthakur"};
        repo.commit(people[0], "run_pretraining.py", code(99));
        int file = 0;
        for (int pull = 1; pull <= 10; pull++) {
            repo.openPullRequest(pull, people[pull % people.length]);
            for (int i = 0; i < 3; i++, file++) {
                repo.commit(people[pull % people.length], "bert/module_" + file + ".py", code(file));
            }
            repo.mergePullRequest(people[0], pull % 3 == 0 ? CodeRepository.Review.commented(people[1])
                    : CodeRepository.Review.approved(people[(pull + 1) % people.length]));
        }
        for (; file < 40; file++) {
            repo.commit(people[file % people.length], "bert/module_" + file + ".py", code(file));
        }
        return repo;
    }

    private static String code(int file) {
        StringBuilder out = new StringBuilder("import tensorflow as tf\n\n\n");
        for (int i = 0; i < 40; i++) {
            out.append("def layer_").append(file).append('_').append(i).append("(x):\n    return tf.nn.relu(x * ")
                    .append(i).append(")\n\n");
        }
        return out.toString();
    }
}
