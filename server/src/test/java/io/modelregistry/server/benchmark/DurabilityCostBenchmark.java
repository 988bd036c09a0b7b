package io.modelregistry.server.benchmark;

import static io.modelregistry.server.support.RegistryClient.ingestBody;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: what durable acknowledgements cost on ingest throughput, for docs/performance.md. In one run
 * it ingests the same synthetic models through POST /artifact/model into fresh registries started with each
 * {@code REGISTRY_DURABILITY_COMMIT} (delayed = H2's default, the old behaviour; write; fsync = the default), in
 * alternating rounds so that drift of a shared machine hits every mode alike, and prints the throughput of each
 * and its ratio to delayed. Run with
 * {@code mvn -B -ntp -Pbenchmark -pl server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=DurabilityCostBenchmark} (system properties {@code benchmark.ingests}, default 300;
 * {@code benchmark.threads}, default 8; {@code benchmark.rounds}, default 2).
 */
class DurabilityCostBenchmark {

    private static final List<String> MODES = List.of("delayed", "write", "fsync");

    @Test
    void measure() throws Exception {
        int ingests = Integer.getInteger("benchmark.ingests", 300);
        int threads = Integer.getInteger("benchmark.threads", 8);
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        Map<String, List<Double>> perSecond = new LinkedHashMap<>();
        MODES.forEach(mode -> perSecond.put(mode, new ArrayList<>()));
        try (FakeHub hub = FakeHub.start()) {
            for (int round = 0; round < rounds; round++) {
                for (String mode : MODES) {
                    perSecond.get(mode).add(run(jar, hub, mode, round, ingests, threads));
                }
            }
        }
        StringBuilder report = new StringBuilder("# Durability cost\n\n");
        double delayed = mean(perSecond.get("delayed"));
        for (String mode : MODES) {
            double mean = mean(perSecond.get(mode));
            report.append(String.format(Locale.ROOT, "- commit=%s: %.1f ingests/s (rounds: %s), %.2f x delayed%n",
                    mode, mean, perSecond.get(mode).stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList(),
                    mean / delayed));
        }
        report.append(String.format(Locale.ROOT, "%n%d ingests per round, %d client threads, %d rounds, %d cores%n",
                ingests, threads, rounds, Runtime.getRuntime().availableProcessors()));
        System.out.println(report);
        Files.writeString(Path.of("target", "durability-cost.md"), report);
    }

    private static double run(Path jar, FakeHub hub, String mode, int round, int ingests, int threads)
            throws Exception {
        Path work = RegistryProcess.tempDir("registry-durability-" + mode);
        try (RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory",
                "REGISTRY_DURABILITY_COMMIT", mode))) {
            registry.start();
            RegistryClient client = new RegistryClient(registry.baseUrl(), exchange -> { });
            client.loginAsAdmin();
            warmUp(client, mode, round);
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    RegistryClient worker = new RegistryClient(registry.baseUrl(), exchange -> { });
                    worker.loginAsAdmin();
                    for (int i = next.getAndIncrement(); i < ingests; i = next.getAndIncrement()) {
                        HttpExchange created = worker.post("/artifact/model", ingestBody(String.format(Locale.ROOT,
                                "https://huggingface.co/synthetic/durability-r%d-%05d", round, i)));
                        if (created.status() != 201) {
                            throw new IllegalStateException("ingest " + i + " answered " + created.status());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            String metrics = "";
            for (var component : RegistryClient.json(client.anonymous("GET", "/health/components", null))
                    .get("components")) {
                if (component.get("id").asText().equals("event-store")) {
                    metrics = String.format(Locale.ROOT, " (fsyncs %.0f, writers that shared one %.0f)",
                            component.at("/metrics/fsyncs").asDouble(),
                            component.at("/metrics/fsync_shared_waits").asDouble());
                }
            }
            System.out.printf(Locale.ROOT, "[durability] commit=%s round %d: %d ingests in %.1f s%s%n", mode, round,
                    ingests, seconds, metrics);
            return ingests / seconds;
        }
    }

    /** A few ingests before timing: JIT, connection pools and the first Lucene segment are not what we measure. */
    private static void warmUp(RegistryClient client, String mode, int round) {
        for (int i = 0; i < 20; i++) {
            client.post("/artifact/model", ingestBody(String.format(Locale.ROOT,
                    "https://huggingface.co/synthetic/warmup-%s-r%d-%02d", mode, round, i)));
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
