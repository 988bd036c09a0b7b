package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2xx means durable, and reads after a restart never disagree with each other: the packaged jar is killed
 * with SIGKILL while 20 ingests run at once, restarted on the same data dir, and then every acknowledged
 * artifact is listed, readable, found by name and downloadable; an unacknowledged one is there wholly or not at
 * all; and until the read models have caught up, reads answer 503 with a message rather than a partial answer.
 *
 * <p>The kill comes right after the fifth 201, so some ingests were acknowledged just before it and others are in
 * flight, however fast or slow the machine is; nothing else depends on timing.
 */
class CrashRecoveryIT {

    private static final int INGESTS = 20;
    private static final int KILL_AFTER_ACKNOWLEDGED = 5;
    private static final int SIGKILL_EXIT = 128 + 9;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void acknowledgedIngestsSurviveASigkillDuringConcurrentIngestsAndNothingIsHalfVisibleAfterTheRestart()
            throws Exception {
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        assertThat(jar).exists();
        Path work = RegistryProcess.tempDir("registry-crash");
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "REGISTRY_PULL_THROUGH_MAX_BYTES", RegistryTestEnvironment.FAKE_HUB_FILE_BYTES,
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"))) {
            registry.start();
            RegistryClient client = new RegistryClient(registry.baseUrl(), exchange -> { });
            assertThat(client.loginAsAdmin().status()).isEqualTo(200);

            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // name -> id
            List<String> names = new ArrayList<>();
            for (int i = 0; i < INGESTS; i++) {
                names.add(String.format(Locale.ROOT, "crash-model-%02d", i));
            }
            CountDownLatch enoughAcknowledged = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
            CountDownLatch allStarted = new CountDownLatch(INGESTS);
            ExecutorService pool = Executors.newFixedThreadPool(INGESTS + 1);
            for (String name : names) {
                pool.submit(() -> {
                    RegistryClient worker = new RegistryClient(registry.baseUrl(), exchange -> { });
                    worker.useToken(client.token());
                    allStarted.countDown();
                    try {
                        HttpExchange created = worker.post("/artifact/model",
                                ingestBody("https://huggingface.co/synthetic/" + name));
                        if (created.status() == 201) {
                            acknowledged.put(name, json(created).at("/metadata/id").asText());
                            enoughAcknowledged.countDown();
                        }
                    } catch (RuntimeException killedMidRequest) {
                        // no answer: unacknowledged, may be present or absent, but wholly
                    }
                });
            }
            // Logins run all along, and the kill follows the first one answered after the fifth ingest: a login's
            // answer comes within milliseconds of its commit (an ingest's only after the read models caught up), so
            // it is the freshest acknowledged write; one buffered rather than on disk when it was answered would be
            // lost, and its token refused after the restart.
            List<String> acknowledgedLogins = new CopyOnWriteArrayList<>();
            AtomicBoolean killed = new AtomicBoolean();
            CountDownLatch killNow = new CountDownLatch(1);
            pool.submit(() -> {
                while (!killed.get()) {
                    RegistryClient login = new RegistryClient(registry.baseUrl(), exchange -> { });
                    try {
                        if (login.loginAsAdmin().status() == 200) {
                            acknowledgedLogins.add(login.token());
                            if (enoughAcknowledged.getCount() == 0) {
                                killNow.countDown();
                            }
                        }
                    } catch (RuntimeException killedMidRequest) {
                        return;
                    }
                }
            });
            assertThat(allStarted.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(enoughAcknowledged.await(120, TimeUnit.SECONDS)).as("five ingests acknowledged").isTrue();
            assertThat(killNow.await(60, TimeUnit.SECONDS)).as("a login acknowledged after them").isTrue();
            int exit = registry.kill();
            killed.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(exit).as("killed with SIGKILL").isEqualTo(SIGKILL_EXIT);
            // every 201 that reached a client counts, also one that was read just after the kill
            Map<String, String> acknowledgedBeforeKill = new HashMap<>(acknowledged);
            System.out.println("[crash] acknowledged before SIGKILL: " + acknowledgedBeforeKill.size() + " of "
                    + INGESTS + " ingests, " + acknowledgedLogins.size() + " logins");

            registry.start();
            client.loginAsAdmin();
            JsonNode listed = listWhenReady(client);
            Map<String, String> listedIds = new HashMap<>(); // id -> name
            listed.forEach(m -> listedIds.put(m.get("id").asText(), m.get("name").asText()));

            List<String> loginsBeforeKill = List.copyOf(acknowledgedLogins);
            assertThat(loginsBeforeKill).as("logins acknowledged while the ingests ran").isNotEmpty();
            for (String token : loginsBeforeKill) {
                RegistryClient tokenHolder = new RegistryClient(registry.baseUrl(), exchange -> { });
                tokenHolder.useToken(token);
                assertThat(tokenHolder.post("/artifacts", "[{\"name\":\"*\"}]").status())
                        .as("a token acknowledged before the kill still works").isEqualTo(200);
            }

            for (var entry : acknowledgedBeforeKill.entrySet()) {
                String name = entry.getKey();
                String id = entry.getValue();
                assertThat(listedIds).as("acknowledged %s is listed", name).containsEntry(id, name);
                HttpExchange got = client.get("/artifacts/model/" + id);
                assertThat(got.status()).as("acknowledged %s is readable", name).isEqualTo(200);
                assertThat(ids(json(client.get("/artifact/byName/" + name)))).as("found by name").contains(id);
                HttpExchange download = client.fetchAbsolute(json(got).at("/data/download_url").asText());
                assertThat(download.status()).as("acknowledged %s downloads", name).isEqualTo(200);
                assertThat(zipEntries(download.body())).as("its package").isGreaterThan(0);
            }
            for (var entry : listedIds.entrySet()) {
                assertThat(client.get("/artifacts/model/" + entry.getKey()).status())
                        .as("listed %s is readable", entry.getValue()).isEqualTo(200);
                assertThat(ids(json(client.get("/artifact/byName/" + entry.getValue()))))
                        .as("listed %s is found by name", entry.getValue()).contains(entry.getKey());
            }
            for (String name : names) {
                HttpExchange byName = client.get("/artifact/byName/" + name);
                boolean isListed = listedIds.containsValue(name);
                if (isListed) {
                    assertThat(byName.status()).as("%s listed, so found by name", name).isEqualTo(200);
                } else {
                    assertThat(byName.status()).as("%s not listed, so not found by name", name).isEqualTo(404);
                    assertThat(acknowledgedBeforeKill).as("%s not listed, so never acknowledged", name)
                            .doesNotContainKey(name);
                }
                if (byName.status() == 200) {
                    for (String id : ids(json(byName))) {
                        assertThat(listedIds).as("%s found by name is listed", name).containsKey(id);
                    }
                }
            }
            System.out.println("[crash] present after restart: " + listedIds.size() + " of " + INGESTS);

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

    /**
     * Lists everything, right after the restart: until the read models have caught up the answer is a 503 with a
     * message, never a partial list.
     */
    private static JsonNode listWhenReady(RegistryClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            HttpExchange page = client.post("/artifacts", "[{\"name\":\"*\"}]");
            if (page.status() == 200) {
                assertThat(page.header("offset")).as("one page").isNull();
                return json(page);
            }
            assertThat(page.status()).as("behind, or the answer").isEqualTo(503);
            assertThat(json(page).get("message").asText()).contains("read models");
            assertThat(System.nanoTime()).as("read models caught up within 90 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> ids(JsonNode metadataList) {
        List<String> ids = new ArrayList<>();
        metadataList.forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    private static int zipEntries(byte[] zip) throws Exception {
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                count++;
            }
        }
        return count;
    }
}
