package io.modelregistry.server.benchmark;

import static io.modelregistry.server.support.RegistryClient.ingestBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: the download figures of docs/performance.md. The registry's packaged jar ingests
 * {@code arnir0/Tiny-LLM} from the fake hub (weights generated at real size: a 52 MB zip), the zip is fetched once
 * through its {@code download_url} into a temporary directory, and Debian's nginx serves that file with
 * {@code sendfile on} on loopback. Then, alternating in one run (registry, nginx, registry, nginx, …), a batch of
 * {@code benchmark.concurrency} (100) concurrent downloads of the whole zip from each; per batch: throughput (bytes
 * received ÷ wall time of the batch) and p99 of the per-download latency (request sent to last byte read). Reported
 * as ratios registry ÷ nginx, per round and median: on a shared machine only ratios within one run mean anything.
 * Afterwards the audit lag: a small download, then at once the audit read (which waits for the download's event),
 * against an audit read with no download pending. Run with
 * {@code mvn -B -ntp -Pbenchmark -pl server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=DownloadBenchmark} (system properties {@code benchmark.rounds}, default 5;
 * {@code benchmark.concurrency}, default 100; {@code benchmark.nginx}, default /usr/sbin/nginx).
 * Writes {@code server/target/download-benchmark.md}.
 */
class DownloadBenchmark {

    record Batch(double megabytesPerSecond, double p99Millis, double p50Millis, long bytes) {
    }

    @Test
    void measure() throws Exception {
        int rounds = Integer.getInteger("benchmark.rounds", 5);
        int concurrency = Integer.getInteger("benchmark.concurrency", 100);
        int lagSamples = Integer.getInteger("benchmark.lag-samples", 200);
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        Path work = RegistryProcess.tempDir("registry-download-benchmark");
        // Its own directory, readable by all: nginx started as root serves from worker processes run as nobody.
        Path www = Files.createTempDirectory("benchmark-www",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        StringBuilder report = new StringBuilder("# Download benchmark\n\n");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"))) {
            registry.start();
            RegistryClient client = new RegistryClient(registry.baseUrl(), exchange -> { });
            client.loginAsAdmin();
            HttpExchange created = client.post("/artifact/model", ingestBody("https://huggingface.co/arnir0/Tiny-LLM"));
            if (created.status() != 201) {
                throw new IllegalStateException("ingest answered " + created.status() + " " + created.text());
            }
            String registryUrl = RegistryClient.json(created).at("/data/download_url").asText();
            Path zip = www.resolve("tiny-llm.zip");
            HttpResponse<Path> fetched = http.send(HttpRequest.newBuilder(URI.create(registryUrl))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofFile(zip));
            if (fetched.statusCode() != 200) {
                throw new IllegalStateException("download answered " + fetched.statusCode());
            }
            Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-r--r--"));
            long size = Files.size(zip);
            int workers = Runtime.getRuntime().availableProcessors();
            try (NginxServer nginx = NginxServer.serve(www, workers)) {
                String nginxUrl = nginx.baseUrl() + "/tiny-llm.zip";
                line(report, "package: %d bytes; %d concurrent downloads per batch; %d cores (shared with other "
                        + "builds); nginx %d worker processes, sendfile on", size, concurrency, workers, workers);
                // Warm-up: JIT, connection set-up, page cache; not measured.
                batch(http, registryUrl, concurrency, size);
                batch(http, nginxUrl, concurrency, size);
                List<Double> throughputRatios = new ArrayList<>();
                List<Double> p99Ratios = new ArrayList<>();
                report.append("\n| round | registry MB/s | nginx MB/s | throughput registry/nginx | registry p99 ms "
                        + "| nginx p99 ms | p99 registry/nginx |\n| --- | --- | --- | --- | --- | --- | --- |\n");
                for (int round = 1; round <= rounds; round++) {
                    Batch ours = batch(http, registryUrl, concurrency, size);
                    Batch theirs = batch(http, nginxUrl, concurrency, size);
                    System.out.printf(Locale.ROOT, "[download-benchmark] round %d: registry %s, nginx %s%n",
                            round, ours, theirs);
                    double throughput = ours.megabytesPerSecond() / theirs.megabytesPerSecond();
                    double p99 = ours.p99Millis() / theirs.p99Millis();
                    throughputRatios.add(throughput);
                    p99Ratios.add(p99);
                    String row = String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |",
                            round, ours.megabytesPerSecond(), theirs.megabytesPerSecond(), throughput,
                            ours.p99Millis(), theirs.p99Millis(), p99);
                    System.out.println("[download-benchmark] " + row);
                    report.append(row).append('\n');
                }
                report.append('\n');
                line(report, "median throughput ratio registry/nginx: %.2f; median p99 ratio registry/nginx: %.2f",
                        median(throughputRatios), median(p99Ratios));
            }
            auditLag(client, http, registryUrl, lagSamples, report);
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "download-benchmark.md"), report);
    }

    /** {@code concurrency} downloads started together; each reads and discards the body, counting its bytes. */
    private static Batch batch(HttpClient http, String url, int concurrency, long expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> downloads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            downloads.add(pool.submit(() -> {
                start.await();
                long began = System.nanoTime();
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
                long bytes = drain(response.body());
                if (response.statusCode() != 200 || bytes != expected) {
                    throw new IllegalStateException(url + " answered " + response.statusCode() + " with " + bytes
                            + " bytes, expected " + expected);
                }
                return new long[] {System.nanoTime() - began, bytes};
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<Long> latencies = new ArrayList<>();
        long bytes = 0;
        for (Future<long[]> download : downloads) {
            long[] result = download.get();
            latencies.add(result[0]);
            bytes += result[1];
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        return new Batch(bytes / 1e6 / seconds, percentile(latencies, 99) / 1e6, percentile(latencies, 50) / 1e6,
                bytes);
    }

    private static long drain(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
            }
            return total;
        }
    }

    /**
     * How far the audit trail lags a download, as a reader sees it: the audit read issued the moment a download's
     * last byte arrived (it waits for the download's event), against the same read with no download pending.
     */
    private static void auditLag(RegistryClient client, HttpClient http, String registryUrl, int samples,
                                 StringBuilder report) throws Exception {
        client.loginAsAdmin();
        String id = registryUrl.replaceAll(".*/download/([^?]+)\\?.*", "$1");
        String auditPath = "/artifact/model/" + id + "/audit";
        List<Long> afterDownload = new ArrayList<>();
        List<Long> idle = new ArrayList<>();
        int expected = downloads(client.get(auditPath));
        for (int i = 0; i < samples; i++) {
            if (i % 400 == 399) {
                client.loginAsAdmin(); // tokens last 1000 uses
            }
            long began = System.nanoTime();
            HttpExchange quiet = client.get(auditPath);
            idle.add(System.nanoTime() - began);
            HttpResponse<byte[]> card = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "&aspect=card"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            began = System.nanoTime();
            HttpExchange trail = client.get(auditPath);
            afterDownload.add(System.nanoTime() - began);
            expected++;
            if (quiet.status() != 200 || card.statusCode() != 200 || trail.status() != 200
                    || downloads(trail) != expected) {
                throw new IllegalStateException("the audit read right after download " + expected + " missed it");
            }
        }
        line(report, "audit read right after a download (waits for its event): p50 %.1f ms, p99 %.1f ms; with no "
                        + "download pending: p50 %.1f ms, p99 %.1f ms (%d samples each, every download shown)",
                percentile(afterDownload, 50) / 1e6, percentile(afterDownload, 99) / 1e6,
                percentile(idle, 50) / 1e6, percentile(idle, 99) / 1e6, samples);
    }

    private static int downloads(HttpExchange trail) {
        JsonNode entries = RegistryClient.json(trail);
        return (int) StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.path("action").asText().equals("DOWNLOAD")).count();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println("[download-benchmark] " + text);
        report.append("- ").append(text).append('\n');
    }
}
