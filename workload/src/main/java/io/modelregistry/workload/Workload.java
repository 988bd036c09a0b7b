package io.modelregistry.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One run of the performance workload, through the registry's public REST API only: seed distinct generated models
 * by upload, ingest the source model (Tiny-LLM), download it once per kind as the reference bytes (and warm-up), then
 * per round the download phases, full package and weights aspect, each with all clients at once; with the nginx
 * baseline, nginx serves the reference bytes right after each registry phase and every figure is also given as a
 * ratio registry ÷ nginx. Bounded by {@link WorkloadParameters#maxDuration()}; {@link #run} never throws, its JSON
 * says how the run ended.
 */
public final class Workload {

    private static final int MAX_ERROR_MESSAGES = 10;
    private static final long SAMPLE_INTERVAL_MILLIS = 500;

    private final WorkloadParameters parameters;
    private final RegistryApi api;
    private final HttpClient http;
    private final ServerProbe probe;
    private final WorkloadProgress progress = new WorkloadProgress();
    private final Deadline deadline;
    private volatile boolean cancelled;

    public Workload(WorkloadParameters parameters, RegistryApi api, HttpClient http, ServerProbe probe) {
        this.parameters = parameters;
        this.api = api;
        this.http = http;
        this.probe = probe;
        this.deadline = new Deadline(parameters.maxDuration());
    }

    /** An HTTP/1.1 client for the workload (connect timeout; requests set their own). */
    public static HttpClient httpClient(int threads) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(Math.max(2, threads), runnable -> {
                    Thread thread = new Thread(runnable, "workload-http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
    }

    public WorkloadProgress progress() {
        return progress;
    }

    /** Stops the run as its time bound would: in-flight downloads are cut, nothing new starts. */
    public void cancel() {
        cancelled = true;
        deadline.expireNow();
    }

    public Map<String, Object> run() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("started_at", Instant.now().toString());
        result.put("parameters", parameters(parameters));
        long began = System.nanoTime();
        Path scratch = null;
        List<String> problems = new ArrayList<>();
        try (ResourceSampler whole = new ResourceSampler(probe, SAMPLE_INTERVAL_MILLIS)) {
            try {
                result.put("seeding", seed());
                stopIfOver();
                progress.phase("ingesting");
                long ingestBegan = System.nanoTime();
                RegistryApi.Ingested ingested = api.ingest(parameters.sourceUrl());
                result.put("ingest", Map.of("source", parameters.sourceUrl(), "id", ingested.model().id(),
                        "already_registered", ingested.alreadyRegistered(),
                        "seconds", DownloadPhase.round((System.nanoTime() - ingestBegan) / 1e9, 2)));
                stopIfOver();
                scratch = Files.createTempDirectory("workload",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                result.put("downloads", downloads(ingested.model().downloadUrl(), scratch));
            } catch (WorkloadException | IOException e) {
                problems.add(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted");
            }
            result.put("server", whole.toJson());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(scratch);
        }
        String state = cancelled ? "cancelled" : deadline.passed() ? "timed_out"
                : problems.isEmpty() && errors(result) == 0 ? "succeeded" : "failed";
        progress.phase(state);
        result.put("state", state);
        result.put("errors", errors(result) + problems.size());
        result.put("problems", problems);
        result.put("finished_at", Instant.now().toString());
        result.put("seconds", DownloadPhase.round((System.nanoTime() - began) / 1e9, 1));
        return orderedWithStateFirst(result);
    }

    private void stopIfOver() {
        if (deadline.passed()) {
            throw new WorkloadException(cancelled ? "cancelled" : "stopped at the time bound of "
                    + parameters.maxDuration().toSeconds() + " s");
        }
    }

    private Map<String, Object> seed() throws InterruptedException {
        progress.phase("seeding");
        progress.expectSeeds(parameters.models());
        ModelPackages packages = new ModelPackages(parameters.seed(), parameters.minModelBytes(),
                parameters.maxModelBytes());
        String tag = Long.toString(System.currentTimeMillis(), 36);
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Recorder latencies = new Recorder(3);
        List<Long> sizes = Collections.synchronizedList(new ArrayList<>());
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parameters.seedThreads());
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < parameters.seedThreads(); t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < parameters.models() && !deadline.passed();
                     i = next.getAndIncrement()) {
                    String name = String.format(Locale.ROOT, "workload-%s-model-%04d", tag, i);
                    byte[] zip = packages.zip(i, name);
                    long started = System.nanoTime();
                    try {
                        api.upload(name, zip);
                        latencies.recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
                        bytes.addAndGet(zip.length);
                        sizes.add((long) zip.length);
                        progress.seeded();
                    } catch (WorkloadException e) {
                        errors.incrementAndGet();
                        progress.error();
                        if (messages.size() < MAX_ERROR_MESSAGES) {
                            messages.add(e.getMessage());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.incrementAndGet();
                messages.add(String.valueOf(e.getCause()));
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - began) / 1e9;
        Histogram histogram = latencies.getIntervalHistogram();
        long[] sorted = sizes.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("models_planned", parameters.models());
        json.put("models", sorted.length);
        json.put("errors", errors.get());
        json.put("seconds", DownloadPhase.round(seconds, 2));
        json.put("models_per_second", sorted.length == 0 ? 0 : DownloadPhase.round(sorted.length / seconds, 2));
        json.put("bytes", bytes.get());
        json.put("threads", parameters.seedThreads());
        json.put("package_bytes", sorted.length == 0 ? null : Map.of("min", sorted[0],
                "median", sorted[sorted.length / 2], "max", sorted[sorted.length - 1]));
        json.put("upload_latency_ms", histogram.getTotalCount() == 0 ? null : Map.of(
                "median", DownloadPhase.round(histogram.getValueAtPercentile(50) / 1000.0, 1),
                "p99", DownloadPhase.round(histogram.getValueAtPercentile(99) / 1000.0, 1),
                "max", DownloadPhase.round(histogram.getMaxValue() / 1000.0, 1)));
        json.put("error_messages", new ArrayList<>(messages));
        return json;
    }

    private Map<String, Object> downloads(String link, Path scratch) throws IOException, InterruptedException {
        Map<String, DownloadPhase.Target> urls = new LinkedHashMap<>();
        urls.put("full", DownloadPhase.Target.link(link));
        urls.put("weights", DownloadPhase.Target.link(link + (link.contains("?") ? "&" : "?") + "aspect=weights"));
        progress.phase("reference downloads");
        Map<String, DownloadPhase.Reference> references = new LinkedHashMap<>();
        Map<String, Object> referenceJson = new LinkedHashMap<>();
        Map<String, Object> json = new LinkedHashMap<>();
        for (var kind : urls.entrySet()) {
            DownloadPhase.Reference reference = reference(kind.getValue(), scratch.resolve(kind.getKey() + ".zip"));
            references.put(kind.getKey(), reference);
            referenceJson.put(kind.getKey(), Map.of("bytes", reference.length(),
                    "crc32c", Long.toHexString(reference.crc32c())));
        }
        if (parameters.file() != null) {
            // one stored file alone, through the HuggingFace-compatible route: the only download a blob store in
            // redirect mode answers with a presigned URL (a zip of several blobs is always streamed)
            String name = fileCopy(scratch);
            DownloadPhase.Target file = new DownloadPhase.Target(api.baseUrl() + "/hf/datasets/" + name
                    + "/resolve/main/" + parameters.file(), api::authorization);
            urls.put("file", file);
            DownloadPhase.Reference reference = reference(file, scratch.resolve("file.zip"));
            references.put("file", reference);
            referenceJson.put("file", Map.of("bytes", reference.length(),
                    "crc32c", Long.toHexString(reference.crc32c())));
            json.put("file", Map.of("path", parameters.file(), "served_as", "/hf/datasets/" + name
                    + "/resolve/main/" + parameters.file(), "why", "the source model's own file route serves vetted "
                    + "models only; a private dataset upload of the identical bytes is served ungated, through the "
                    + "same download gate"));
        }
        json.put("reference", referenceJson);
        json.put("latency_measured", "from the request being sent to the last byte read, by each client");
        DownloadPhase phase = new DownloadPhase(http, deadline, progress);
        progress.expectDownloads((long) parameters.rounds() * urls.size() * parameters.clients()
                * parameters.downloadsPerClient());
        NginxBaseline nginx = null;
        Map<String, Object> baseline = new LinkedHashMap<>();
        if (parameters.nginx()) {
            Optional<Path> binary = NginxBaseline.binary();
            if (binary.isEmpty()) {
                baseline.put("available", false);
                baseline.put("reason", "nginx not available (no executable at /usr/sbin/nginx, /usr/bin/nginx, "
                        + "/usr/local/sbin/nginx or -Dworkload.nginx)");
            } else {
                nginx = NginxBaseline.serve(binary.get(), scratch, Runtime.getRuntime().availableProcessors());
                baseline.put("available", true);
                baseline.put("server", "nginx (" + binary.get() + "), sendfile on, access_log off, "
                        + Runtime.getRuntime().availableProcessors() + " worker processes, loopback");
            }
        } else {
            baseline.put("available", false);
            baseline.put("reason", "not requested");
        }
        json.put("baseline", baseline);
        List<Map<String, Object>> rounds = new ArrayList<>();
        try {
            for (int round = 1; round <= parameters.rounds() && !deadline.passed(); round++) {
                Map<String, Object> roundJson = new LinkedHashMap<>();
                roundJson.put("round", round);
                for (var kind : urls.entrySet()) {
                    Map<String, Object> kindJson = new LinkedHashMap<>();
                    progress.phase("downloading " + kind.getKey() + " from the registry (round " + round + ")");
                    kindJson.put("registry", measured(phase, kind.getValue(), references.get(kind.getKey()), probe));
                    if (nginx != null && !deadline.passed()) {
                        progress.phase("downloading " + kind.getKey() + " from nginx (round " + round + ")");
                        Map<String, Object> theirs = measured(phase,
                                DownloadPhase.Target.link(nginx.url(kind.getKey() + ".zip")),
                                references.get(kind.getKey()), ServerProbe.processTree(nginx.pid()));
                        kindJson.put("nginx", theirs);
                        kindJson.put("ratio_registry_to_nginx", ratios(kindJson.get("registry"), theirs));
                    }
                    roundJson.put(kind.getKey(), kindJson);
                }
                rounds.add(roundJson);
            }
        } finally {
            if (nginx != null) {
                nginx.close();
            }
        }
        json.put("rounds", rounds);
        if (nginx != null && parameters.rounds() > 1) {
            json.put("median_ratio_registry_to_nginx", medianRatios(rounds, urls.keySet()));
        }
        return json;
    }

    /**
     * Uploads {@link WorkloadParameters#file()}, taken from the reference download of the weights aspect (else the full
     * package), as a private dataset of its own, and answers its registry name: the HuggingFace-compatible route
     * serves a model's files only when its rating vetted it (Tiny-LLM of the fake hub is not), a dataset's whatever
     * its rating, and a download of one file goes through the same gate, recording and blob store either way.
     */
    private String fileCopy(Path scratch) throws IOException {
        byte[] content = null;
        for (String kind : List.of("weights", "full")) {
            Path zip = scratch.resolve(kind + ".zip");
            if (content == null && Files.exists(zip)) {
                try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(zip.toFile())) {
                    java.util.zip.ZipEntry entry = archive.getEntry(parameters.file());
                    if (entry != null) {
                        try (InputStream in = archive.getInputStream(entry)) {
                            content = in.readAllBytes();
                        }
                    }
                }
            }
        }
        if (content == null) {
            throw new WorkloadException("the source model has no file " + parameters.file());
        }
        String name = "workload-" + Long.toString(System.currentTimeMillis(), 36) + "-file";
        api.uploadDataset(name, ModelPackages.datasetZip(name, parameters.file(), content));
        return name;
    }

    private Map<String, Object> measured(DownloadPhase phase, DownloadPhase.Target url, DownloadPhase.Reference reference,
                                         ServerProbe sampled) throws InterruptedException {
        Map<String, Object> json;
        try (ResourceSampler sampler = new ResourceSampler(sampled, SAMPLE_INTERVAL_MILLIS)) {
            json = phase.run(url, reference, parameters.clients(), parameters.downloadsPerClient());
            sampler.close();
            json.put("server", sampler.toJson());
        }
        return json;
    }

    /** One download, sequential, to the end: the bytes every later download must equal, kept for the baseline. */
    private DownloadPhase.Reference reference(DownloadPhase.Target url, Path file) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = DownloadPhase.open(http, url, Duration.ofSeconds(60)).response();
        InputStream body = response.body();
        deadline.track(body);
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            if (response.statusCode() != 200) {
                throw new WorkloadException("the reference download of " + URI.create(url.url()).getPath() + " answered "
                        + response.statusCode() + ": " + new String(in.readNBytes(500)));
            }
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                crc.update(buffer, 0, read);
                out.write(buffer, 0, read);
                total += read;
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(total);
            if (declared != total) {
                throw new WorkloadException("the reference download sent " + total + " bytes of a declared "
                        + declared);
            }
            return new DownloadPhase.Reference(total, crc.getValue());
        } catch (IOException e) {
            if (deadline.passed()) {
                throw new WorkloadException("stopped at the time bound during the reference download");
            }
            throw e;
        } finally {
            deadline.release(body);
        }
    }

    private static final List<String> RATIO_FIGURES = List.of("megabytes_per_second", "downloads_per_second");
    private static final List<String> RATIO_LATENCIES = List.of("mean", "median", "p99", "max");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ratios(Object ours, Map<String, Object> theirs) {
        Map<String, Object> registry = (Map<String, Object>) ours;
        Map<String, Object> json = new LinkedHashMap<>();
        for (String figure : RATIO_FIGURES) {
            json.put(figure, ratio(registry.get(figure), theirs.get(figure)));
        }
        Map<String, Object> latency = new LinkedHashMap<>();
        for (String figure : RATIO_LATENCIES) {
            latency.put(figure, ratio(((Map<String, Object>) registry.get("latency_ms")).get(figure),
                    ((Map<String, Object>) theirs.get("latency_ms")).get(figure)));
        }
        json.put("latency", latency);
        return json;
    }

    private static Object ratio(Object ours, Object theirs) {
        if (ours instanceof Number a && theirs instanceof Number b && b.doubleValue() > 0) {
            return DownloadPhase.round(a.doubleValue() / b.doubleValue(), 3);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> medianRatios(List<Map<String, Object>> rounds, Iterable<String> kinds) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String kind : kinds) {
            Map<String, Object> kindJson = new LinkedHashMap<>();
            for (String figure : List.of("megabytes_per_second", "downloads_per_second", "latency.mean",
                    "latency.median", "latency.p99", "latency.max")) {
                double[] values = rounds.stream().map(r -> (Map<String, Object>) r.get(kind)).filter(r -> r != null)
                        .map(r -> (Map<String, Object>) r.get("ratio_registry_to_nginx")).filter(r -> r != null)
                        .map(r -> figure.startsWith("latency.")
                                ? ((Map<String, Object>) r.get("latency")).get(figure.substring(8)) : r.get(figure))
                        .filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).sorted()
                        .toArray();
                kindJson.put(figure, values.length == 0 ? null : DownloadPhase.round(values.length % 2 == 1
                        ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2, 3));
            }
            json.put(kind, kindJson);
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static long errors(Map<String, Object> result) {
        long errors = 0;
        if (result.get("seeding") instanceof Map<?, ?> seeding) {
            errors += ((Number) seeding.get("errors")).longValue();
        }
        if (result.get("downloads") instanceof Map<?, ?> downloads
                && downloads.get("rounds") instanceof List<?> rounds) {
            for (Object round : rounds) {
                for (Object kind : ((Map<String, Object>) round).values()) {
                    if (kind instanceof Map<?, ?> k && k.get("registry") instanceof Map<?, ?> registry) {
                        errors += ((Number) registry.get("errors")).longValue();
                    }
                }
            }
        }
        return errors;
    }

    private static Map<String, Object> orderedWithStateFirst(Map<String, Object> result) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : List.of("state", "errors", "problems", "started_at", "finished_at", "seconds")) {
            ordered.put(key, result.get(key));
        }
        result.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static Map<String, Object> parameters(WorkloadParameters p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("models", p.models());
        json.put("seed_threads", p.seedThreads());
        json.put("min_model_bytes", p.minModelBytes());
        json.put("max_model_bytes", p.maxModelBytes());
        json.put("clients", p.clients());
        json.put("downloads_per_client", p.downloadsPerClient());
        json.put("rounds", p.rounds());
        json.put("max_duration_seconds", p.maxDuration().toSeconds());
        json.put("source", p.sourceUrl());
        json.put("nginx_baseline", p.nginx());
        json.put("file", p.file());
        json.put("seed", p.seed());
        return json;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it up if this fails
        }
    }
}
