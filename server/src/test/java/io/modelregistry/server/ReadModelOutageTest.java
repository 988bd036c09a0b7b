package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.server.support.FaultyLink;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read models in OpenSearch taken away while the registry serves (the link to the node cut): reads that need
 * them answer 503 naming them; a write is still appended to the log and answered 201 once its wait for the read
 * models runs out (it is durable), and reads of it answer 503 until they can show it; {@code /health/components}
 * says the projections are retrying; and once OpenSearch is back the projections catch up by themselves, however many times they failed
 * meanwhile, and show the write.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadModelOutageTest {

    static final FakeHub HUB = FakeHub.start();
    static final FaultyLink SEARCH_LINK = FaultyLink.to(OpenSearchNode.endpoint());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void readModelsBehindALink(DynamicPropertyRegistry registry) {
        RegistryTestEnvironment.register(registry, HUB, "advisory");
        registry.add("registry.read-models", () -> "opensearch");
        registry.add("registry.opensearch.endpoint", () -> SEARCH_LINK.through(OpenSearchNode.endpoint()).toString());
        registry.add("registry.opensearch.index-prefix", () -> OpenSearchNode.uniquePrefix("outage"));
        registry.add("registry.opensearch.connect-timeout", () -> "1s");
        registry.add("registry.opensearch.socket-timeout", () -> "10s");
        registry.add("registry.read-your-writes.timeout", () -> "3s");
        // a processor is stopped after three failures in a row on one event (1 + 2 s of back-off): the outage
        // below lasts longer, and must not stop anything
        registry.add("registry.read-your-writes.max-attempts", () -> "3");
    }

    @AfterAll
    static void mend() {
        SEARCH_LINK.close();
    }

    @Test
    void withoutItsReadModelsTheRegistryAnswers503NamingThemKeepsEveryWriteAndCatchesUpAloneOnceTheyAreBack()
            throws Exception {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        String before = ModelUploads.model(client, "read-model-outage-before", "# before").id();

        // every processor has applied the upload before the link is cut: each read then meets the outage itself,
        // not a processor still busy with the upload when it lost the link (answered "behind", not "unavailable")
        awaitNoLag(client);
        SEARCH_LINK.cut();
        HttpExchange listing = client.post("/artifacts", "[{\"name\":\"*\"}]");
        assertThat(listing.status()).as(listing.text()).isEqualTo(503);
        assertThat(json(listing.text()).path("message").asText()).contains("search index is unavailable");
        // the write is appended to the log and answered once the wait for its read models runs out: durable
        HttpResponse<byte[]> during = ModelUploads.upload(client, "read-model-outage-during", "# during");
        String duringText = new String(during.body(), StandardCharsets.UTF_8);
        assertThat(during.statusCode()).as(duringText).isEqualTo(201);
        String duringId = json(duringText).at("/metadata/id").asText();
        HttpExchange read = client.get("/artifacts/model/" + duringId);
        assertThat(read.status()).as("its read models cannot show it yet: " + read.text()).isEqualTo(503);
        assertThat(json(read.text()).path("message").asText()).containsAnyOf("read models", "search index");
        HttpExchange sweep = client.post("/blobs/sweep", "");
        assertThat(sweep.status()).as("a sweep would not know which blobs the newest events reference: "
                + sweep.text()).isEqualTo(503);
        assertThat(json(sweep.text()).path("message").asText())
                .matches(RefusedSourceUrlsTest.asPattern(ErrorMessage.BLOB_SWEEP_DID_RUN_TRY))
                .contains("read models are behind");
        JsonNode projections = component(client, "projections");
        assertThat(projections.path("status").asText()).as(projections.toString()).isNotEqualTo("ok");

        // longer than the back-offs before a stop (1 + 2 s): an outage is retried however long it lasts
        Thread.sleep(Duration.ofSeconds(9).toMillis());
        SEARCH_LINK.mend();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpExchange found = client.get("/artifact/byName/read-model-outage-during");
        while (found.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = client.get("/artifact/byName/read-model-outage-during");
        }
        assertThat(found.status()).as("the write made during the outage, once the read models are back: "
                + found.text()).isEqualTo(200);
        assertThat(client.get("/artifact/byName/read-model-outage-before").status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + before).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + duringId).status()).isEqualTo(200);
        assertThat(component(client, "projections").path("status").asText()).isEqualTo("ok");
    }

    private static void awaitNoLag(RegistryClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode projections = component(client, "projections");
        while (projections.at("/metrics/max_lag_events").asDouble(-1) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            projections = component(client, "projections");
        }
        assertThat(projections.at("/metrics/max_lag_events").asDouble(-1)).as(projections.toString()).isZero();
    }

    private static JsonNode component(RegistryClient client, String id) {
        for (JsonNode c : RegistryClient.json(client.get("/health/components")).path("components")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no component " + id);
    }

    private static JsonNode json(String text) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }
}
