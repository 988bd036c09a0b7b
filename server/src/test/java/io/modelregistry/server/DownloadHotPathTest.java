package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A download's bytes do not wait for the read models: its event is durable before the first byte, but the audit
 * projection applies it afterwards. The audit read is what waits, so a download always shows in the next one.
 * Proven with a second handler in the audit processing group that can hold the audit processor on a download.
 */
@Import(DownloadHotPathTest.HoldTheAuditProjection.class)
// Writes that wait for the read models would wait longer than the test waits for the download.
@TestPropertySource(properties = "registry.read-your-writes.timeout=PT90S")
class DownloadHotPathTest extends InProcessRegistryTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Holds the audit processor on every download while {@link #hold} is closed. */
    @ProcessingGroup("audit")
    static final class HeldBackAudit {
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile CountDownLatch holding = new CountDownLatch(1);

        @EventHandler
        void on(ArtifactDownloaded event) throws InterruptedException {
            if (hold.getCount() > 0) {
                holding.countDown();
                hold.await(120, TimeUnit.SECONDS);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class HoldTheAuditProjection {
        @Bean
        HeldBackAudit heldBackAudit() {
            return new HeldBackAudit();
        }
    }

    @Autowired
    HeldBackAudit audit;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @AfterEach
    void release() {
        audit.hold.countDown();
    }

    @Test
    void aDownloadFollowedAtOnceByAnAuditReadIsAlwaysInIt() throws Exception {
        JsonNode created = ingestTinyLlm();
        String link = created.at("/data/download_url").asText();
        String auditPath = "/artifact/model/" + created.at("/metadata/id").asText() + "/audit";
        for (int i = 1; i <= 60; i++) {
            HttpResponse<byte[]> download = get(link + "&aspect=card");
            assertThat(download.statusCode()).isEqualTo(200);
            HttpExchange trail = client.get(auditPath);
            assertThat(trail.status()).isEqualTo(200);
            assertThat(downloads(json(trail))).as("downloads in the audit read right after download %d", i).isEqualTo(i);
        }
    }

    @Test
    void theDownloadIsServedWhileTheAuditProjectionIsHeldBackAndTheAuditReadWaitsForIt() throws Exception {
        JsonNode created = ingestTinyLlm();
        String link = created.at("/data/download_url").asText();
        String auditPath = "/artifact/model/" + created.at("/metadata/id").asText() + "/audit";
        audit.holding = new CountDownLatch(1);
        audit.hold = new CountDownLatch(1);

        CompletableFuture<HttpResponse<byte[]>> download = CompletableFuture.supplyAsync(() -> get(link));
        HttpResponse<byte[]> full = download.get(30, TimeUnit.SECONDS);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValueAsLong("Content-Length")).hasValue(full.body().length);
        assertThat(full.body().length).as("the whole package, weights included").isGreaterThan(50_000_000);
        assertThat(audit.holding.await(10, TimeUnit.SECONDS)).as("the audit processor is held on the download").isTrue();
        assertThat(audit.hold.getCount()).as("the download completed while the audit projection was held back")
                .isEqualTo(1);

        RegistryClient reader = new RegistryClient(client.baseUrl(), exchange -> { });
        reader.useToken(client.token());
        CompletableFuture<HttpExchange> trail = CompletableFuture.supplyAsync(() -> reader.get(auditPath));
        Thread.sleep(500);
        assertThat(trail).as("the audit read waits for the held-back download").isNotDone();
        assertThat(client.get("/artifacts/model/" + created.at("/metadata/id").asText()).status())
                .as("reads that do not show downloads do not wait").isEqualTo(200);
        audit.hold.countDown();
        HttpExchange answered = trail.get(10, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(downloads(json(answered))).isEqualTo(1);
    }

    private static long downloads(JsonNode trail) {
        return StreamSupport.stream(trail.spliterator(), false)
                .filter(entry -> entry.path("action").asText().equals("DOWNLOAD")).count();
    }

    private JsonNode ingestTinyLlm() {
        var created = client.post("/artifact/model", ingestBody("https://huggingface.co/arnir0/Tiny-LLM"));
        assertThat(created.status()).isEqualTo(201);
        return json(created);
    }

    private static HttpResponse<byte[]> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
