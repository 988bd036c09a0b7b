package io.modelregistry.workload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code clients} concurrent clients, started together, each downloading one URL {@code downloads} times in a row
 * and reading every body to the end. A download counts as good only if it answered 200 with exactly the reference
 * length and CRC-32C (the bytes of the reference download, so every body is the identical zip). Latency is from the
 * request being sent to its last byte read, in an HdrHistogram (microseconds, three significant digits). A target that
 * answers with a redirect (a blob store handing out presigned URLs) is followed once, without the caller's token, and
 * the redirect is counted: latency then includes both requests.
 */
final class DownloadPhase {

    /** Time to the response headers; the body is bounded by the run's deadline instead. */
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ERROR_MESSAGES = 10;

    record Reference(long length, long crc32c) {
    }

    /**
     * What a client downloads: a URL, and the {@code Authorization} value it needs (the HuggingFace-compatible file
     * route needs the caller's token; a signed link is its own credential: null).
     */
    record Target(String url, Supplier<String> authorization) {
        static Target link(String url) {
            return new Target(url, null);
        }
    }

    /** A response whose body is still to be read, and whether it came after a redirect. */
    record Opened(HttpResponse<InputStream> response, boolean redirected) {
    }

    private static final int MAX_REDIRECTS = 1;

    /** Sends the GET, following at most one redirect (to the presigned URL, which carries its own signature). */
    static Opened open(HttpClient http, Target target, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url())).timeout(timeout).GET();
        if (target.authorization() != null) {
            request.header("Authorization", target.authorization().get());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        boolean redirected = false;
        for (int hop = 0; hop < MAX_REDIRECTS && isRedirect(response.statusCode()); hop++) {
            String location = response.headers().firstValue("Location").orElse(null);
            response.body().close();
            if (location == null) {
                throw new IOException(response.statusCode() + " without a Location header");
            }
            response = http.send(HttpRequest.newBuilder(URI.create(target.url()).resolve(location)).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            redirected = true;
        }
        return new Opened(response, redirected);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private final HttpClient http;
    private final Deadline deadline;
    private final WorkloadProgress progress;

    DownloadPhase(HttpClient http, Deadline deadline, WorkloadProgress progress) {
        this.http = http;
        this.deadline = deadline;
        this.progress = progress;
    }

    /** One download read to the end: status, bytes, CRC-32C, and whether it was redirected. */
    record Body(int status, long length, long crc32c, boolean redirected) {
    }

    Body fetch(Target target) throws IOException, InterruptedException {
        Opened opened = open(http, target, HEADERS_TIMEOUT);
        HttpResponse<InputStream> response = opened.response();
        InputStream body = response.body();
        deadline.track(body);
        try (InputStream in = body) {
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                crc.update(buffer, 0, read);
                total += read;
            }
            return new Body(response.statusCode(), total, crc.getValue(), opened.redirected());
        } finally {
            deadline.release(body);
        }
    }

    Map<String, Object> run(Target url, Reference reference, int clients, int downloads) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        AtomicLong good = new AtomicLong();
        AtomicLong redirected = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong notStarted = new AtomicLong();
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "workload-client");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < downloads; i++) {
                    if (deadline.passed()) {
                        notStarted.addAndGet(downloads - i);
                        return null;
                    }
                    long began = System.nanoTime();
                    try {
                        Body body = fetch(url);
                        long micros = (System.nanoTime() - began) / 1_000;
                        if (body.status() == 200 && body.length() == reference.length()
                                && body.crc32c() == reference.crc32c()) {
                            latencies.recordValue(Math.max(1, micros));
                            good.incrementAndGet();
                            if (body.redirected()) {
                                redirected.incrementAndGet();
                            }
                            bytes.addAndGet(body.length());
                            progress.downloaded(body.length());
                        } else {
                            fail(errors, messages, "answered " + body.status() + " with " + body.length()
                                    + " bytes (CRC-32C " + Long.toHexString(body.crc32c()) + "), expected "
                                    + reference.length() + " bytes (CRC-32C " + Long.toHexString(reference.crc32c())
                                    + ")");
                        }
                    } catch (IOException e) {
                        fail(errors, messages, deadline.passed() ? "cut at the run's time bound" : e.toString());
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                fail(errors, messages, String.valueOf(e.getCause()));
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        Histogram histogram = latencies.getIntervalHistogram();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", clients);
        json.put("downloads_planned", (long) clients * downloads);
        json.put("downloads", good.get());
        json.put("errors", errors.get());
        json.put("not_started", notStarted.get());
        json.put("redirected", redirected.get());
        json.put("identical_bytes", errors.get() == 0 && notStarted.get() == 0);
        json.put("bytes", bytes.get());
        json.put("seconds", round(seconds, 3));
        json.put("megabytes_per_second", round(bytes.get() / 1e6 / seconds, 1));
        json.put("downloads_per_second", round(good.get() / seconds, 2));
        Map<String, Object> latency = new LinkedHashMap<>();
        boolean any = histogram.getTotalCount() > 0;
        latency.put("mean", any ? round(histogram.getMean() / 1000, 1) : null);
        latency.put("median", any ? round(histogram.getValueAtPercentile(50) / 1000.0, 1) : null);
        latency.put("p99", any ? round(histogram.getValueAtPercentile(99) / 1000.0, 1) : null);
        latency.put("max", any ? round(histogram.getMaxValue() / 1000.0, 1) : null);
        json.put("latency_ms", latency);
        json.put("error_messages", new ArrayList<>(messages));
        return json;
    }

    private void fail(AtomicLong errors, List<String> messages, String message) {
        errors.incrementAndGet();
        progress.error();
        if (messages.size() < MAX_ERROR_MESSAGES) {
            messages.add(message);
        }
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
