package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HealthComponents;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.SmallDisk;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default's own disk filled by someone else while the registry serves: its H2 event log, its blobs and
 * its read models all live in the one data dir, here on a small file system of its own that the test fills. While the
 * disk is full, a write is answered 503 naming what could not be written and changes nothing; what needs no write is
 * served or refused with a 503 naming the database, never a 500; {@code /health/components} says the disk is full.
 */
@EnabledIf("diskCanBeMounted")
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FullDiskTest {
    // Recovery is part of the scenario: once space is freed, the database H2 closed is opened again by the pools'
    // new connections (ClosedH2ConnectionEviction) and writes are accepted without a restart.

    private static final FakeHub HUB = FakeHub.start();
    private static SmallDisk disk;
    private static String whyNot;

    @LocalServerPort
    int port;

    static boolean diskCanBeMounted() {
        if (disk == null && whyNot == null) {
            try {
                disk = SmallDisk.mount(96);
            } catch (IOException e) {
                whyNot = e.getMessage();
                System.out.println("[full disk] skipped, no file system of its own: " + whyNot);
            }
        }
        return disk != null;
    }

    @DynamicPropertySource
    static void dataDirOnTheSmallDisk(DynamicPropertyRegistry registry) {
        registry.add("HF_ENDPOINT", HUB::hfEndpoint);
        registry.add("GITHUB_API_URL", HUB::githubApiUrl);
        registry.add("GITHUB_SERVER_URL", HUB::gitServerUrl);
        registry.add("REGISTRY_INGEST_GATE", () -> "advisory");
        registry.add("registry.data-dir", () -> disk.root().resolve("data").toString());
    }

    @AfterAll
    static void unmount() throws Exception {
        HUB.close();
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aFullDiskRefusesEveryWriteWithA503SayingSoAndHealthShowsTheDiskFull() throws Exception {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        ModelUploads.Uploaded before = ModelUploads.model(client, "disk-before", "# before\n" + "x".repeat(50_000));

        disk.fill();
        for (HttpExchange refused : List.of(upload(client, "disk-during"), client.post("/artifact/model",
                RegistryClient.ingestBody("https://huggingface.co/google-bert/bert-base-uncased", "disk-during-ingest")))) {
            assertThat(refused.status()).as(refused.path() + " " + refused.text()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(json(refused).path("message").asText()).as(refused.text())
                    .contains("is unavailable (its disk is full)");
        }
        // a read with a token counts the token's use in H2: it is served when H2, reopened by the pool, has room
        // for that in pages it holds, and otherwise refused naming what is missing, never a 500
        for (HttpExchange read : List.of(client.get("/artifacts/model/" + before.id()),
                client.post("/artifacts", "[{\"name\":\"disk-before\"}]"))) {
            assertThat(read.status()).as(read.text()).isIn(200, 503);
            if (read.status() == 503) {
                // the database itself, or the read models it stalled (their tokens are written to it too)
                assertThat(json(read).path("message").asText()).containsAnyOf("embedded database (H2",
                        "The read models are behind the event log");
            }
        }
        assertThat(client.anonymous("GET", "/health", null).status()).isEqualTo(200);
        assertThat(HealthComponents.status(client, "event-store")).isEqualTo("critical");
        assertThat(HealthComponents.status(client, "blob-store")).isEqualTo("critical");

        disk.free();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpExchange after = upload(client, "disk-after");
        while (after.status() != 201 && System.nanoTime() < deadline) {
            System.out.println("[full disk] after freeing: " + after.status() + " " + after.text());
            Thread.sleep(1000);
            after = upload(client, "disk-after");
        }
        assertThat(after.status()).as(after.text()).isEqualTo(201);
        // what was acknowledged before the disk filled is intact, what was refused left nothing behind, and health
        // says the database is back, without a restart
        // (the projections retry with back-off while the disk is full, so a read may wait for them to catch up)
        assertThat(statusOnceCaughtUp(client, "/artifacts/model/" + before.id())).isEqualTo(200);
        assertThat(statusOnceCaughtUp(client, "/artifacts/model/" + json(after).path("metadata").path("id").asText()))
                .isEqualTo(200);
        assertThat(json(client.post("/artifacts", "[{\"name\":\"disk-during\"}]"))).isEmpty();
        String eventStore = HealthComponents.status(client, "event-store");
        while (!"ok".equals(eventStore) && System.nanoTime() < deadline + java.time.Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(500);
            eventStore = HealthComponents.status(client, "event-store");
        }
        assertThat(eventStore).as(client.get("/health/components").text()).isEqualTo("ok");
    }


    /** The status of a GET once it is no longer a 503 (at most 60 s). */
    private static int statusOnceCaughtUp(RegistryClient client, String path) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        int status = client.get(path).status();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = client.get(path).status();
        }
        return status;
    }

    private static HttpExchange upload(RegistryClient client, String name) {
        try {
            var response = ModelUploads.upload(client, name, "# " + name + "\n" + "y".repeat(200_000));
            return new HttpExchange("POST", "/artifact/model/upload", "name=" + name, null, client.token(),
                    response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new AssertionError("the upload got no answer", e);
        }
    }

}
