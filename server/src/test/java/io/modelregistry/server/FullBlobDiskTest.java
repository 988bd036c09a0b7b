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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The filesystem blob store's volume filled while the event log's is not (blobs on a disk of their own, as an
 * operator would mount a large volume for them): writes that store bytes are answered 503 naming the blob store and
 * leave nothing behind, everything that stores no bytes (metadata, search, deletes, downloads of what is stored) goes
 * on, health marks the blob store alone, and once space is freed uploads succeed again without a restart.
 */
@EnabledIf("diskCanBeMounted")
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FullBlobDiskTest {

    private static final FakeHub HUB = FakeHub.start();
    private static Path dataDir;
    private static SmallDisk blobDisk;
    private static String whyNot;

    @LocalServerPort
    int port;

    static boolean diskCanBeMounted() {
        if (blobDisk == null && whyNot == null) {
            try {
                dataDir = Files.createTempDirectory("registry-blob-disk");
                blobDisk = SmallDisk.mountAt(dataDir.resolve("blobs"), 48);
            } catch (IOException e) {
                whyNot = e.getMessage();
                System.out.println("[full blob disk] skipped, no file system of its own: " + whyNot);
            }
        }
        return blobDisk != null;
    }

    @DynamicPropertySource
    static void blobsOnTheirOwnSmallDisk(DynamicPropertyRegistry registry) {
        registry.add("HF_ENDPOINT", HUB::hfEndpoint);
        registry.add("GITHUB_API_URL", HUB::githubApiUrl);
        registry.add("GITHUB_SERVER_URL", HUB::gitServerUrl);
        registry.add("REGISTRY_INGEST_GATE", () -> "advisory");
        registry.add("registry.data-dir", dataDir::toString);
    }

    @AfterAll
    static void unmount() throws Exception {
        HUB.close();
        if (blobDisk != null) {
            blobDisk.close();
        }
    }

    @Test
    void aFullBlobDiskRefusesWhatStoresBytesNamingTheBlobStoreServesTheRestAndRecoversOnceSpaceIsFreed() throws Exception {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        ModelUploads.Uploaded kept = ModelUploads.model(client, "blob-disk-kept", "# kept\n" + "k".repeat(20_000));
        ModelUploads.Uploaded deleted = ModelUploads.model(client, "blob-disk-deleted", "# deleted\n");

        blobDisk.fill();
        HttpExchange refused = upload(client, "blob-disk-during");
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(json(refused).path("message").asText()).as(refused.text()).contains("blob store");

        // what stores no bytes is served: metadata, search, a delete, and the download of stored bytes
        assertThat(client.get("/artifacts/model/" + kept.id()).status()).isEqualTo(200);
        assertThat(json(client.post("/artifacts", "[{\"name\":\"blob-disk-kept\"}]"))).hasSize(1);
        assertThat(client.delete("/artifacts/model/" + deleted.id()).status()).isEqualTo(200);
        HttpExchange download = client.fetchAbsolute(
                json(client.get("/artifacts/model/" + kept.id())).at("/data/download_url").asText());
        assertThat(download.status()).as(download.text()).isEqualTo(200);
        assertThat(json(client.post("/artifacts", "[{\"name\":\"blob-disk-during\"}]"))).isEmpty();

        assertThat(HealthComponents.status(client, "blob-store")).isEqualTo("critical");
        assertThat(HealthComponents.status(client, "event-store")).isEqualTo("ok");

        blobDisk.free();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpExchange after = upload(client, "blob-disk-after");
        while (after.status() != 201 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            after = upload(client, "blob-disk-after");
        }
        assertThat(after.status()).as(after.text()).isEqualTo(201);
        assertThat(HealthComponents.status(client, "blob-store")).isNotEqualTo("critical");
    }

    private static HttpExchange upload(RegistryClient client, String name) {
        try {
            var response = ModelUploads.upload(client, name, "# " + name + "\n" + "b".repeat(300_000));
            return new HttpExchange("POST", "/artifact/model/upload", "name=" + name, null, client.token(),
                    response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new AssertionError("the upload got no answer", e);
        }
    }
}
