package io.modelregistry.server.benchmark;

import static io.modelregistry.server.support.RegistryClient.ingestBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.workload.NginxBaseline;
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
 * {@code benchmark.concurrency}, default 100; {@code workload.nginx}, default the first of Debian's paths (see {@link NginxBaseline});
 * {@code benchmark.variant=NAME=value} also starts a registry with one more environment variable, measured in
 * the same rounds (before/after of a setting); {@code benchmark.client=wrk} drives {@code /usr/bin/wrk} instead of
 * the JDK's HttpClient; {@code benchmark.profile=true} records the registry with JFR during the first measured batch, to
 * {@code server/target/download.jfr}).
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
        String variant = System.getProperty("benchmark.variant", "");
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = registry(jar, work.resolve("data"), hub, "");
             RegistryProcess before = variant.isEmpty() ? null : registry(jar, work.resolve("data-variant"), hub,
                     variant)) {
            registry.start();
            RegistryClient client = new RegistryClient(registry.baseUrl(), exchange -> { });
            String registryUrl = ingestTinyLlm(client);
            String beforeUrl = null;
            if (before != null) {
                before.start();
                beforeUrl = ingestTinyLlm(new RegistryClient(before.baseUrl(), exchange -> { }));
            }
            Path zip = www.resolve("tiny-llm.zip");
            HttpResponse<Path> fetched = http.send(HttpRequest.newBuilder(URI.create(registryUrl))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofFile(zip));
            if (fetched.statusCode() != 200) {
                throw new IllegalStateException("download answered " + fetched.statusCode());
            }
            Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-r--r--"));
            long size = Files.size(zip);
            int workers = Runtime.getRuntime().availableProcessors();
            Path nginxBinary = NginxBaseline.binary().orElseThrow(() -> new IllegalStateException("The download "
                    + "benchmark compares against nginx, which is not installed (apt-get install nginx-light, or "
                    + "-Dworkload.nginx=/path/to/nginx)"));
            try (NginxBaseline nginx = NginxBaseline.serve(nginxBinary, www, workers)) {
                String nginxUrl = nginx.url("tiny-llm.zip");
                line(report, "package: %d bytes; %d concurrent downloads per batch; %d cores (shared with other "
                        + "builds); nginx %d worker processes, sendfile on", size, concurrency, workers, workers);
                // Warm-up: JIT, connection set-up, page cache; not measured.
                batch(http, registryUrl, concurrency, size);
                if (beforeUrl != null) {
                    batch(http, beforeUrl, concurrency, size);
                }
                batch(http, nginxUrl, concurrency, size);
                List<Double> throughputRatios = new ArrayList<>();
                List<Double> p99Ratios = new ArrayList<>();
                List<Double> beforeThroughputRatios = new ArrayList<>();
                List<Double> beforeP99Ratios = new ArrayList<>();
                report.append("\n| round | registry MB/s | nginx MB/s | throughput registry/nginx | registry p99 ms "
                        + "| nginx p99 ms | p99 registry/nginx |"
                        + (beforeUrl == null ? "" : " variant MB/s | throughput variant/nginx | p99 "
                        + "variant/nginx |") + "\n| --- | --- | --- | --- | --- | --- | --- |"
                        + (beforeUrl == null ? "" : " --- | --- | --- |") + "\n");
                for (int round = 1; round <= rounds; round++) {
                    boolean profile = round == 1 && Boolean.getBoolean("benchmark.profile");
                    if (profile) {
                        jcmd(registry.pid(), "JFR.start", "name=download", "settings=profile",
                                "filename=" + Path.of("target", "download.jfr").toAbsolutePath());
                    }
                    Batch ours = batch(http, registryUrl, concurrency, size);
                    if (profile) {
                        jcmd(registry.pid(), "JFR.stop", "name=download");
                    }
                    Batch old = beforeUrl == null ? null : batch(http, beforeUrl, concurrency, size);
                    Batch theirs = batch(http, nginxUrl, concurrency, size);
                    System.out.printf(Locale.ROOT, "[download-benchmark] round %d: registry %s, variant %s, "
                            + "nginx %s%n", round, ours, old, theirs);
                    double throughput = ours.megabytesPerSecond() / theirs.megabytesPerSecond();
                    double p99 = ours.p99Millis() / theirs.p99Millis();
                    throughputRatios.add(throughput);
                    p99Ratios.add(p99);
                    String row = String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |",
                            round, ours.megabytesPerSecond(), theirs.megabytesPerSecond(), throughput,
                            ours.p99Millis(), theirs.p99Millis(), p99);
                    if (old != null) {
                        double oldThroughput = old.megabytesPerSecond() / theirs.megabytesPerSecond();
                        double oldP99 = old.p99Millis() / theirs.p99Millis();
                        beforeThroughputRatios.add(oldThroughput);
                        beforeP99Ratios.add(oldP99);
                        row += String.format(Locale.ROOT, " %.0f | %.2f | %.2f |", old.megabytesPerSecond(),
                                oldThroughput, oldP99);
                    }
                    System.out.println("[download-benchmark] " + row);
                    report.append(row).append('\n');
                }
                report.append('\n');
                line(report, "median throughput ratio registry/nginx: %.2f; median p99 ratio registry/nginx: %.2f",
                        median(throughputRatios), median(p99Ratios));
                if (beforeUrl != null) {
                    line(report, "variant %s: median throughput ratio %.2f, median p99 ratio %.2f", variant,
                            median(beforeThroughputRatios), median(beforeP99Ratios));
                }
            }
            auditLag(client, http, registryUrl, lagSamples, report);
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "download-benchmark.md"), report);
    }

    /** @param variant {@code NAME=value} of one more environment variable, or empty */
    private static RegistryProcess registry(Path jar, Path data, FakeHub hub, String variant) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"));
        if (!variant.isEmpty()) {
            environment.put(variant.substring(0, variant.indexOf('=')), variant.substring(variant.indexOf('=') + 1));
        }
        return new RegistryProcess(jar, data, environment);
    }

    private static String ingestTinyLlm(RegistryClient client) {
        client.loginAsAdmin();
        HttpExchange created = client.post("/artifact/model", ingestBody("https://huggingface.co/arnir0/Tiny-LLM"));
        if (created.status() != 201) {
            throw new IllegalStateException("ingest answered " + created.status() + " " + created.text());
        }
        return RegistryClient.json(created).at("/data/download_url").asText();
    }

    /** One batch from whichever client {@code benchmark.client} names: {@code java} (default) or {@code wrk}. */
    private static Batch batch(HttpClient http, String url, int concurrency, long expected) throws Exception {
        Path wrk = Path.of(System.getProperty("benchmark.wrk", "/usr/bin/wrk"));
        String client = System.getProperty("benchmark.client", "java");
        return client.equals("wrk") ? wrk(wrk, url, concurrency, expected) : javaBatch(http, url, concurrency, expected);
    }

    /**
     * {@code wrk} with {@code concurrency} connections for {@code benchmark.seconds} (20): a C client on epoll, so
     * the client is less of a bottleneck on two cores than the JDK's HttpClient (one selector thread reads every
     * connection). Throughput is its transfer rate; p99 is of its per-request latency, so {@code benchmark.seconds}
     * must be long enough for each connection to finish several packages (on the loaded 2-core machine 20 s
     * finished fewer than 10 of 100, which makes the p99 meaningless: the figures use the java client).
     */
    private static Batch wrk(Path wrk, String url, int concurrency, long expected) throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        Process process = new ProcessBuilder(wrk.toString(), "-t2", "-c" + concurrency, "-d" + seconds + "s",
                "--latency", "--timeout", "300s", url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 330L, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0
                || output.contains("Non-2xx") || output.contains("Socket errors")) {
            throw new IllegalStateException("wrk against " + url + " failed:\n" + output);
        }
        long requests = Long.parseLong(match(output, "(\\d+) requests in"));
        double elapsed = seconds(match(output, "requests in ([0-9.]+\\w+),"));
        double bytes = size(match(output, "requests in [0-9.]+\\w+, ([0-9.]+\\w+) read"));
        double p99 = seconds(match(output, "\\s99%\\s+([0-9.]+\\w+)")) * 1000;
        double p50 = seconds(match(output, "\\s50%\\s+([0-9.]+\\w+)")) * 1000;
        System.out.printf(java.util.Locale.ROOT, "[download-benchmark] wrk %s: %d requests (%d bytes each)%n",
                url.replaceAll("\\?.*", ""), requests, expected);
        return new Batch(bytes / 1e6 / elapsed, p99, p50, (long) bytes);
    }

    private static String match(String text, String regex) {
        var m = java.util.regex.Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk output:\n" + text);
        }
        return m.group(1);
    }

    private static double seconds(String value) {
        double number = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
        if (value.endsWith("us")) {
            return number / 1e6;
        }
        if (value.endsWith("ms")) {
            return number / 1e3;
        }
        if (value.endsWith("m")) {
            return number * 60;
        }
        return number;
    }

    private static double size(String value) {
        double number = Double.parseDouble(value.replaceAll("[A-Za-z]+$", ""));
        return switch (value.replaceAll("^[0-9.]+", "")) {
            case "KB" -> number * 1024;
            case "MB" -> number * 1024 * 1024;
            case "GB" -> number * 1024 * 1024 * 1024;
            case "TB" -> number * 1024d * 1024 * 1024 * 1024;
            default -> number;
        };
    }

    /** {@code concurrency} downloads started together; each reads and discards the body, counting its bytes. */
    private static Batch javaBatch(HttpClient http, String url, int concurrency, long expected) throws Exception {
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

    /** With {@code -Dbenchmark.profile=true}: a flight recording of the registry during the first measured batch. */
    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).inheritIO().start();
        if (!jcmd.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
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
