package io.modelregistry.server.benchmark;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: the figures of docs/performance.md. Run with
 * {@code mvn -q install -DskipTests && mvn -Pbenchmark verify -pl server}
 * (system property {@code benchmark.artifacts}, default 10,000). It starts the packaged jar against the fake
 * hub, measures start-up to the first 200 from /health, ingests N synthetic models through the API, then
 * measures p50/p99 of regex search and listing, and the server's resident memory. Results are printed and
 * written to {@code server/target/benchmark-results.md}.
 */
class RegistryBenchmark {

    private static final int CLIENT_THREADS = 4;

    @Test
    void measure() throws Exception {
        int artifacts = Integer.getInteger("benchmark.artifacts", 10_000);
        int samples = Integer.getInteger("benchmark.samples", 200);
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        Path work = RegistryProcess.tempDir("registry-benchmark");
        StringBuilder report = new StringBuilder("# Benchmark results\n\n");
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"))) {
            registry.start();
            line(report, "start-up, java -jar to first 200 from /health (empty data dir): %d ms",
                    registry.lastStartup().toMillis());
            RegistryClient client = new RegistryClient(registry.baseUrl(), exchange -> { });
            client.loginAsAdmin();
            client.delete("/reset");

            long ingestStarted = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            List<Long> ingestMillis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                workers.add(pool.submit(() -> {
                    RegistryClient worker = new RegistryClient(registry.baseUrl(), exchange -> { });
                    worker.loginAsAdmin();
                    int uses = 0;
                    for (int i = next.getAndIncrement(); i < artifacts; i = next.getAndIncrement()) {
                        if (++uses % 900 == 0) {
                            worker.loginAsAdmin(); // tokens last 1000 uses
                        }
                        long started = System.nanoTime();
                        HttpExchange created = worker.post("/artifact/model", ingestBody(
                                String.format(Locale.ROOT, "https://huggingface.co/synthetic/model-%05d", i)));
                        ingestMillis.add((System.nanoTime() - started) / 1_000_000);
                        if (created.status() != 201) {
                            throw new IllegalStateException("ingest " + i + " answered " + created.status() + " "
                                    + created.text());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - ingestStarted) / 1e9;
            line(report, "ingest of %d synthetic models through POST /artifact/model (%d client threads): %.1f s, "
                    + "%.1f/s, p50 %d ms, p99 %d ms", artifacts, CLIENT_THREADS, seconds, artifacts / seconds,
                    percentile(ingestMillis, 50), percentile(ingestMillis, 99));

            client.loginAsAdmin();
            List<String[]> queries = List.of(
                    new String[] {"/artifact/byRegEx", "{\"regex\":\"model-0042.*\"}"},
                    new String[] {"/artifact/byRegEx", "{\"regex\":\"^model-09999$\"}"},
                    new String[] {"/artifact/byRegEx", "{\"regex\":\"quantized attention\"}"},
                    new String[] {"/artifact/byRegEx", "{\"regex\":\"ece461rules\"}"},
                    new String[] {"/artifact/byRegEx", "{\"regex\":\"(a|aa)*$\"}"},
                    new String[] {"/artifacts", "[{\"name\":\"*\"}]"},
                    new String[] {"/artifacts", "[{\"name\":\"model-05000\",\"types\":[\"model\"]}]"});
            for (String[] query : queries) {
                List<Long> micros = new ArrayList<>();
                client.loginAsAdmin(); // a fresh token per query kind: tokens last 1000 uses
                for (int i = 0; i < samples; i++) {
                    if (i % 900 == 899) {
                        client.loginAsAdmin();
                    }
                    long started = System.nanoTime();
                    HttpExchange answer = client.post(query[0], query[1]);
                    micros.add((System.nanoTime() - started) / 1_000);
                    assertThat(answer.status()).isIn(200, 404);
                }
                line(report, "POST %s %s: p50 %.1f ms, p99 %.1f ms (%d samples)", query[0], query[1],
                        percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0, samples);
            }
            line(report, "resident memory (VmRSS) with %d artifacts, right after the query load: %d MB", artifacts,
                    rssMegabytes(registry));
            Thread.sleep(20_000); // the registry's periodic GC returns idle heap after 10 s without a GC
            line(report, "resident memory (VmRSS) with %d artifacts, after 20 s idle: %d MB", artifacts,
                    rssMegabytes(registry));

            registry.stop();
            registry.start();
            line(report, "restart with %d artifacts, java -jar to first 200 from /health: %d ms", artifacts,
                    registry.lastStartup().toMillis());
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-results.md"), report);
    }

    private static long rssMegabytes(RegistryProcess registry) throws Exception {
        long pid = registry.pid();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println("[benchmark] " + text);
        report.append("- ").append(text).append('\n');
    }
}
