package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import io.modelregistry.server.support.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2xx means durable, and reads after a restart never disagree with each other: the packaged jar is killed with
 * SIGKILL while 50 writes run at once (40 ingests from the hub and 10 zip uploads, four of them with 16 MiB of
 * weights), restarted on the same stores, and then every acknowledged write is listed, readable, found by name and
 * downloads with the very bytes that were written (the hub's files, the uploaded zip's entries); an
 * unacknowledged one is there wholly or not at all; until the read models have caught up, reads answer 503 with a
 * message rather than a partial answer; and a sweep removes what the killed writes left behind without touching
 * anything live. Once on the embedded default (H2, filesystem, embedded read models) and once on the scale-out
 * adapters (DynamoDB on dynalite, S3 on S3Proxy, OpenSearch).
 *
 * <p>The kill comes right after the first login answered once ten writes (one of them a large upload) were
 * acknowledged, so some writes were acknowledged just before it and others are in flight, however fast or slow the
 * machine is. The kill also waits until two held ingests have stored their files and are held in their rating
 * (the hub has received their commit-history request), and their hold outlasts any kill the test makes, so the sweep
 * after the restart must always delete what they stored.
 */
abstract class CrashRecoveryIT {

    private static final int INGESTS = 40;
    private static final int UPLOADS = 10;
    private static final int LARGE_UPLOADS = 4;
    private static final int LARGE_WEIGHTS_BYTES = 16 * 1024 * 1024;
    private static final int KILL_AFTER_ACKNOWLEDGED = 10;
    private static final int LOGIN_LOOPS = 4;
    private static final int SIGKILL_EXIT = 128 + 9;
    /**
     * Two ingests whose rating the hub holds back: it answers the model's commit history (an input of the bus factor)
     * only after {@link #HELD_BY_HUB}, so each waits out its metric's limit ({@link #METRIC_LIMIT}, longer than the
     * default 30 s so that a slow machine's kill still falls inside it) after storing its files and before its event.
     * Killed within that window they have left blobs without an event, and the sweep after the restart must find them.
     */
    private static final List<String> HELD_INGESTS = List.of("crash-model-38", "crash-model-39");
    private static final Duration METRIC_LIMIT = Duration.ofSeconds(150);
    private static final Duration HELD_BY_HUB = METRIC_LIMIT.plusSeconds(60);
    private static final String REGISTRY_MANIFEST = "registry-manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What one write sent: the name, and for an upload the files of its zip. */
    private record Write(String name, Map<String, byte[]> uploadedFiles) {
        boolean upload() {
            return uploadedFiles != null;
        }

        boolean large() {
            return upload() && uploadedFiles.get("model.safetensors").length == LARGE_WEIGHTS_BYTES;
        }
    }

    /** {@code embedded} or {@code scale-out}; one subclass each, so that the two run in parallel test JVMs. */
    private final String stores;

    CrashRecoveryIT(String stores) {
        this.stores = stores;
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void acknowledgedWritesSurviveASigkillDuringFiftyConcurrentIngestsAndUploadsAndNothingIsHalfVisibleAfterTheRestart()
            throws Exception {
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        assertThat(jar).exists();
        Path work = RegistryProcess.tempDir("registry-crash");
        try (FakeHub hub = FakeHub.start();
             S3ProxyServer s3 = stores.equals("scale-out") ? S3ProxyServer.start(Files.createDirectories(work.resolve("s3"))) : null) {
            Map<String, String> environment = new HashMap<>(Map.of(
                    "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                    "REGISTRY_PULL_THROUGH_MAX_BYTES", RegistryTestEnvironment.FAKE_HUB_FILE_BYTES,
                    "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory",
                    // no sweep on a schedule while the writes run; the one after the restart may delete every
                    // unreferenced blob at once, as nothing is being written then
                    "REGISTRY_BLOBS_SWEEPINTERVAL", "0s", "REGISTRY_BLOBS_SWEEPGRACE", "0s"));
            if (s3 != null) {
                environment.putAll(scaleOut(s3));
            }
            HELD_INGESTS.forEach(name -> hub.delay(heldPath(hub, name), HELD_BY_HUB));
            // the hold ends at the metric's limit, not at a shorter request timeout
            environment.put("REGISTRY_RATING_METRICTIMEOUT", METRIC_LIMIT.toSeconds() + "s");
            environment.put("REGISTRY_HUB_REQUESTTIMEOUT", HELD_BY_HUB.plusSeconds(30).toSeconds() + "s");
            try (RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), environment)
                    .withStartTimeout(Duration.ofMinutes(3))) {
                run(registry, hub, stores);
            }
        }
    }

    /** The hub path of a held ingest's commit history: its request comes once the ingest has stored its files. */
    private static String heldPath(FakeHub hub, String name) {
        return hub.hfEndpoint().substring(hub.baseUrl().length()) + "/api/models/synthetic/" + name + "/commits";
    }

    private static Map<String, String> scaleOut(S3ProxyServer s3) {
        Map<String, String> environment = new HashMap<>(Map.of(
                // dynalite and S3Proxy check only the shape of a signature
                "AWS_ACCESS_KEY_ID", "crash-test", "AWS_SECRET_ACCESS_KEY", "crash-test",
                "REGISTRY_EVENT_STORE", "dynamodb",
                "REGISTRY_DYNAMODB_ENDPOINT", Dynalite.shared().endpoint().toString(),
                "REGISTRY_DYNAMODB_REGION", "us-east-1",
                "REGISTRY_DYNAMODB_TABLE_PREFIX", Dynalite.freshPrefix("crash"),
                "REGISTRY_DYNAMODB_NODE_ID", "crash-node",
                "REGISTRY_DOWNLOAD_SIGNING_KEY", java.util.Base64.getEncoder()
                        .encodeToString("the-secret-every-node-of-this-registry-shares".getBytes(StandardCharsets.UTF_8)),
                "REGISTRY_BLOB_STORE", "s3",
                "REGISTRY_BLOB_STORE_S3_BUCKET", "crash-blobs"));
        environment.putAll(Map.of(
                "REGISTRY_BLOB_STORE_S3_ENDPOINT", s3.endpoint().toString(),
                "REGISTRY_BLOB_STORE_S3_PATH_STYLE", "true",
                "REGISTRY_BLOB_STORE_S3_REGION", "us-east-1",
                "REGISTRY_READ_MODELS", "opensearch",
                "REGISTRY_OPENSEARCH_ENDPOINT", OpenSearchNode.endpoint().toString(),
                "REGISTRY_OPENSEARCH_INDEX_PREFIX", OpenSearchNode.uniquePrefix("crash"),
                // the killed process's claims on the projections lapse after this long, so the restarted one
                // takes them over
                "AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT", "10s"));
        return environment;
    }

    private static void run(RegistryProcess registry, FakeHub hub, String stores) throws Exception {
        registry.start();
        RegistryClient client = new RegistryClient(registry.baseUrl(), exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);

        List<Write> writes = new ArrayList<>();
        // the uploads are sent first, so the large ones are among the writes in flight or acknowledged at the kill
        for (int i = 0; i < UPLOADS; i++) {
            writes.add(new Write(String.format(Locale.ROOT, "crash-upload-%02d", i), uploadFiles(i)));
        }
        for (int i = 0; i < INGESTS; i++) {
            writes.add(new Write(String.format(Locale.ROOT, "crash-model-%02d", i), null));
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // name -> id
        // answers other than 201 before the kill: none may be a failure of the registry's own (one was an
        // OutOfMemoryError of 50 puts each holding a full part buffer of the S3 store)
        Queue<String> refused = new ConcurrentLinkedQueue<>();
        CountDownLatch enoughAcknowledged = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
        CountDownLatch largeAcknowledged = new CountDownLatch(1);
        CountDownLatch allStarted = new CountDownLatch(writes.size());
        long begun = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writes.size() + LOGIN_LOOPS);
        for (Write write : writes) {
            pool.submit(() -> {
                allStarted.countDown();
                try {
                    String id = write.upload() ? upload(registry.baseUrl(), client.token(), write, refused)
                            : ingest(registry.baseUrl(), client.token(), write.name(), refused);
                    if (id != null) {
                        acknowledged.put(write.name(), id);
                        enoughAcknowledged.countDown();
                        if (write.large()) {
                            largeAcknowledged.countDown();
                        }
                    }
                } catch (RuntimeException | IOException killedMidRequest) {
                    // no answer: unacknowledged, may be present or absent, but wholly
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        // Logins run all along, and the kill follows the first one answered after the tenth write: a login's answer
        // comes within milliseconds of its commit (a write's only after the read models caught up), so it is the
        // freshest acknowledged write; one buffered rather than on disk when it was answered would be lost, and its
        // token refused after the restart.
        List<String> acknowledgedLogins = new CopyOnWriteArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch killNow = new CountDownLatch(1);
        // a login hashes its password with a memory-hard function, so one takes a while; several side by side keep
        // the first one answered after the condition close behind it
        for (int i = 0; i < LOGIN_LOOPS; i++) {
            pool.submit(() -> {
                while (!killed.get()) {
                    RegistryClient login = new RegistryClient(registry.baseUrl(), exchange -> { });
                    try {
                        if (login.loginAsAdmin().status() == 200) {
                            acknowledgedLogins.add(login.token());
                            if (enoughAcknowledged.getCount() == 0 && largeAcknowledged.getCount() == 0
                                    && HELD_INGESTS.stream().allMatch(name -> hub.requestCount(heldPath(hub, name)) > 0)) {
                                killNow.countDown();
                            }
                        }
                    } catch (RuntimeException killedMidRequest) {
                        return;
                    }
                }
            });
        }
        assertThat(allStarted.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(largeAcknowledged.await(240, TimeUnit.SECONDS)).as("a large upload acknowledged").isTrue();
        assertThat(enoughAcknowledged.await(240, TimeUnit.SECONDS)).as("ten writes acknowledged").isTrue();
        assertThat(killNow.await(60, TimeUnit.SECONDS)).as("the held ingests held, and a login acknowledged after them")
                .isTrue();
        long killAtMillis = (System.nanoTime() - begun) / 1_000_000;
        // the hold began after the writes did, so a kill before the limit counted from their start is within it
        assertThat(Duration.ofMillis(killAtMillis)).as("killed while the held ingests wait in their rating")
                .isLessThan(METRIC_LIMIT);
        System.out.printf("[crash] kill at %d ms%n", killAtMillis);
        int exit = registry.kill();
        killed.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exit).as("killed with SIGKILL").isEqualTo(SIGKILL_EXIT);
        assertThat(refused).as("writes answered, but not with 201, before the kill").isEmpty();
        // every 201 that reached a client counts, also one that was read just after the kill
        Map<String, String> acknowledgedBeforeKill = new HashMap<>(acknowledged);
        long uploadsAcknowledged = writes.stream().filter(w -> w.upload() && acknowledgedBeforeKill.containsKey(w.name())).count();
        System.out.printf("[crash %s] acknowledged before SIGKILL: %d of %d writes (%d of %d uploads), %d logins%n",
                stores, acknowledgedBeforeKill.size(), writes.size(), uploadsAcknowledged, UPLOADS,
                acknowledgedLogins.size());

        registry.start();
        client.loginAsAdmin();
        JsonNode listed = listWhenReady(client);
        Map<String, String> listedIds = new HashMap<>(); // id -> name
        listed.forEach(m -> listedIds.put(m.get("id").asText(), m.get("name").asText()));

        List<String> loginsBeforeKill = List.copyOf(acknowledgedLogins);
        assertThat(loginsBeforeKill).as("logins acknowledged while the writes ran").isNotEmpty();
        for (String token : loginsBeforeKill) {
            RegistryClient tokenHolder = new RegistryClient(registry.baseUrl(), exchange -> { });
            tokenHolder.useToken(token);
            assertThat(tokenHolder.post("/artifacts", "[{\"name\":\"*\"}]").status())
                    .as("a token acknowledged before the kill still works").isEqualTo(200);
        }

        Map<String, Write> byName = new LinkedHashMap<>();
        writes.forEach(w -> byName.put(w.name(), w));
        for (var entry : acknowledgedBeforeKill.entrySet()) {
            String name = entry.getKey();
            String id = entry.getValue();
            assertThat(listedIds).as("acknowledged %s is listed", name).containsEntry(id, name);
            assertThat(ids(json(client.get("/artifact/byName/" + name)))).as("found by name").contains(id);
        }
        for (var entry : listedIds.entrySet()) {
            assertThat(ids(json(client.get("/artifact/byName/" + entry.getValue()))))
                    .as("listed %s is found by name", entry.getValue()).contains(entry.getKey());
            assertIntact(client, hub, byName.get(entry.getValue()), entry.getKey());
        }
        for (Write write : writes) {
            HttpExchange found = client.get("/artifact/byName/" + write.name());
            boolean isListed = listedIds.containsValue(write.name());
            if (isListed) {
                assertThat(found.status()).as("%s listed, so found by name", write.name()).isEqualTo(200);
                for (String id : ids(json(found))) {
                    assertThat(listedIds).as("%s found by name is listed", write.name()).containsKey(id);
                }
            } else {
                assertThat(found.status()).as("%s not listed, so not found by name", write.name()).isEqualTo(404);
                assertThat(acknowledgedBeforeKill).as("%s not listed, so never acknowledged", write.name())
                        .doesNotContainKey(write.name());
            }
        }
        System.out.printf("[crash %s] present after restart: %d of %d%n", stores, listedIds.size(), writes.size());

        // what the killed writes had stored without an event is swept; nothing live is, and a second sweep finds
        // nothing more
        HttpExchange sweep = client.post("/blobs/sweep", "");
        assertThat(sweep.status()).as(sweep.text()).isEqualTo(200);
        HttpExchange again = client.post("/blobs/sweep", "");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(json(again).get("deleted_blobs").asLong()).as("nothing left to sweep").isZero();
        assertThat(json(again).get("kept_blobs").asLong()).isEqualTo(json(sweep).get("kept_blobs").asLong());
        System.out.printf("[crash %s] sweep after restart: %d blobs (%d bytes) deleted, %d kept%n", stores,
                json(sweep).get("deleted_blobs").asLong(), json(sweep).get("deleted_bytes").asLong(),
                json(sweep).get("kept_blobs").asLong());
        assertThat(HELD_INGESTS).as("held back in their rating when killed").noneMatch(acknowledgedBeforeKill::containsKey);
        assertThat(json(sweep).get("deleted_blobs").asLong())
                .as("the files the held ingests stored before the kill are swept").isPositive();
        for (var entry : listedIds.entrySet()) {
            assertIntact(client, hub, byName.get(entry.getValue()), entry.getKey());
        }

        if (stores.equals("embedded")) {
            // the writes after the restart (the logins) went through the fsync, not just the write to the file
            JsonNode eventStore = null;
            for (JsonNode component : json(client.anonymous("GET", "/health/components", null)).get("components")) {
                if (component.get("id").asText().equals("event-store")) {
                    eventStore = component.get("metrics");
                }
            }
            assertThat(eventStore).isNotNull();
            assertThat(eventStore.get("commit_mode").asText()).isEqualTo("fsync");
            assertThat(eventStore.get("fsyncs").asDouble()).isGreaterThanOrEqualTo(1);
        }
    }

    /** The artifact is readable and its package holds the bytes that were written: the hub's files, or the zip's. */
    private static void assertIntact(RegistryClient client, FakeHub hub, Write write, String id) throws Exception {
        assertThat(write).as("listed %s is one of the writes", id).isNotNull();
        HttpExchange got = client.get("/artifacts/model/" + id);
        assertThat(got.status()).as("%s is readable", write.name()).isEqualTo(200);
        HttpExchange download = client.fetchAbsolute(json(got).at("/data/download_url").asText());
        assertThat(download.status()).as("%s downloads", write.name()).isEqualTo(200);
        Map<String, byte[]> files = unzip(download.body());
        assertThat(files).as("%s has a package", write.name()).isNotEmpty();
        if (write.upload()) {
            assertThat(files.keySet()).as("%s holds the uploaded files", write.name())
                    .containsAll(write.uploadedFiles().keySet());
            write.uploadedFiles().forEach((path, bytes) ->
                    assertThat(files.get(path)).as("%s: %s as uploaded", write.name(), path).isEqualTo(bytes));
        } else {
            int compared = 0;
            for (var file : files.entrySet()) {
                if (file.getKey().equals(REGISTRY_MANIFEST)) {
                    continue; // the registry's own account of the package, not a file of the hub's
                }
                compared++;
                HttpResponse<byte[]> original = HTTP.send(HttpRequest.newBuilder(URI.create(hub.hfEndpoint()
                                + "/synthetic/" + write.name() + "/resolve/main/" + file.getKey()))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(original.statusCode()).as("the hub serves %s of %s", file.getKey(), write.name())
                        .isEqualTo(200);
                assertThat(file.getValue()).as("%s: %s as on the hub", write.name(), file.getKey())
                        .isEqualTo(original.body());
            }
            assertThat(compared).as("%s holds the hub's files", write.name()).isPositive();
        }
    }

    private static String ingest(String baseUrl, String token, String name, Queue<String> answered) {
        RegistryClient worker = new RegistryClient(baseUrl, exchange -> { });
        worker.useToken(token);
        HttpExchange created = worker.post("/artifact/model", ingestBody("https://huggingface.co/synthetic/" + name));
        if (created.status() != 201) {
            answered.add(name + ": " + created.status() + " " + created.text());
            return null;
        }
        return json(created).at("/metadata/id").asText();
    }

    private static String upload(String baseUrl, String token, Write write, Queue<String> answered)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> created = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/artifact/model/upload?name=" + URLEncoder.encode(write.name(), StandardCharsets.UTF_8)
                        + "&version=1.0.0")).timeout(Duration.ofMinutes(3))
                .header("X-Authorization", token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip(write.uploadedFiles()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (created.statusCode() != 201) {
            answered.add(write.name() + ": " + created.statusCode() + " " + new String(created.body(), StandardCharsets.UTF_8));
            return null;
        }
        return JSON.readTree(created.body()).at("/metadata/id").asText();
    }

    /** A card, a config and weights: 16 MiB of incompressible bytes for the first uploads, a few KiB for the rest. */
    private static Map<String, byte[]> uploadFiles(int index) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.md", ("---\nlicense: apache-2.0\n---\n# crash-upload-" + index
                + "\nA private model uploaded while the server is killed.\n").getBytes(StandardCharsets.UTF_8));
        files.put("config.json", "{\"model_type\": \"bert\"}".getBytes(StandardCharsets.UTF_8));
        byte[] weights = new byte[index < LARGE_UPLOADS ? LARGE_WEIGHTS_BYTES : 4096 + index];
        new Random(index).nextBytes(weights);
        files.put("model.safetensors", weights);
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                // weights are stored as they are, as real weights files are: they do not compress
                if (file.getKey().endsWith(".safetensors")) {
                    CRC32 crc = new CRC32();
                    crc.update(file.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(file.getValue().length);
                    entry.setCompressedSize(file.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Lists everything, right after the restart: until the read models have caught up the answer is a 503 with a
     * message, never a partial list.
     */
    private static JsonNode listWhenReady(RegistryClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            HttpExchange page = client.post("/artifacts", "[{\"name\":\"*\"}]");
            if (page.status() == 200) {
                assertThat(page.header("offset")).as("one page").isNull();
                return json(page);
            }
            assertThat(page.status()).as("behind, or the answer: " + page.text()).isEqualTo(503);
            assertThat(json(page).get("message").asText()).contains("read models");
            assertThat(System.nanoTime()).as("read models caught up within 120 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> ids(JsonNode metadataList) {
        List<String> ids = new ArrayList<>();
        metadataList.forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }
}
