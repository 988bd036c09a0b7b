package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the web UI needs beyond the contract: a model card read without downloading the package, who the signed-in
 * user is, per-minute activity for the dashboard's charts, and the recent log for administrators.
 */
class ArtifactCardAndDashboardTest extends InProcessRegistryTest {

    private static final String BERT = "https://huggingface.co/google-bert/bert-base-uncased";

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void theCardOfAModelIsReadFromTheRegistryWithoutRecordingADownload() {
        String id = ingest(BERT);
        HttpExchange card = client.get("/artifacts/model/" + id + "/card");
        assertThat(card.status()).isEqualTo(200);
        JsonNode body = json(card);
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("name").asText()).isEqualTo("bert-base-uncased");
        assertThat(body.path("version").asText()).isNotBlank();
        assertThat(body.path("readme").asText()).contains("BERT");
        assertThat(body.path("licence").asText()).isEqualTo("apache-2.0");
        assertThat(body.path("card_metadata_state").asText()).isEqualTo("PARSED");
        assertThat(body.path("card_metadata").isObject()).isTrue();
        List<String> tags = new ArrayList<>();
        body.path("tags").forEach(tag -> tags.add(tag.asText()));
        assertThat(tags).isNotEmpty().doesNotHaveDuplicates().noneMatch(tag -> tag.startsWith("license:"));

        JsonNode audit = json(client.get("/artifact/model/" + id + "/audit"));
        List<String> actions = new ArrayList<>();
        audit.forEach(entry -> actions.add(entry.path("action").asText()));
        assertThat(actions).as("reading a card is not a download").doesNotContain("DOWNLOAD");
    }

    @Test
    void aCardIsOnlyFoundUnderItsOwnTypeAndVersion() {
        String id = ingest(BERT);
        assertThat(client.get("/artifacts/dataset/" + id + "/card").status()).isEqualTo(404);
        assertThat(client.get("/artifacts/model/" + id + "/card", "version=9.9.9").status()).isEqualTo(404);
        assertThat(client.get("/artifacts/model/999999999/card").status()).isEqualTo(404);
        assertThat(client.get("/artifacts/model/not-an-id!/card").status()).isEqualTo(400);
        assertThat(client.get("/artifacts/bogus/" + id + "/card").status()).isEqualTo(400);
        assertThat(client.anonymous("GET", "/artifacts/model/" + id + "/card", null).status())
                .as("a card needs a token like every artifact path").isEqualTo(403);
    }

    @Test
    void aPageOfSearchResultsIsSummarisedInOneRequest() {
        String id = ingest(BERT);
        HttpExchange answer = client.post("/artifacts/summaries", "{\"ids\": [\"" + id + "\", \"999999999\"]}");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode rows = json(answer);
        assertThat(rows).as("an unknown id is left out").hasSize(1);
        JsonNode bert = rows.get(0);
        assertThat(bert.path("name").asText()).isEqualTo("bert-base-uncased");
        assertThat(bert.path("type").asText()).isEqualTo("model");
        assertThat(bert.path("licence").asText()).isEqualTo("apache-2.0");
        assertThat(bert.path("task").asText()).isEqualTo("fill-mask");
        assertThat(bert.path("tags").size()).isPositive();
        assertThat(bert.path("net_score").isNumber()).isTrue();
        assertThat(bert.path("vetted").isBoolean()).isTrue();
        assertThat(bert.path("size_bytes").asLong()).isPositive();
        assertThat(bert.path("downloads").asLong()).isZero();

        String link = json(client.get("/artifacts/model/" + id)).at("/data/download_url").asText();
        assertThat(client.fetchAbsolute(link).status()).isEqualTo(200);
        JsonNode after = json(client.post("/artifacts/summaries", "{\"ids\": [\"" + id + "\"]}")).get(0);
        assertThat(after.path("downloads").asLong()).isEqualTo(1);
    }

    @Test
    void summariesRefuseMalformedOrOversizedRequests() {
        StringBuilder many = new StringBuilder("{\"ids\": [");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(i + 1).append('"');
        }
        many.append("]}");
        assertThat(client.post("/artifacts/summaries", many.toString()).status()).isEqualTo(400);
        assertThat(client.post("/artifacts/summaries", "{\"ids\": \"1\"}").status()).isEqualTo(400);
        assertThat(client.post("/artifacts/summaries", "{\"ids\": [1]}").status()).isEqualTo(400);
        assertThat(client.post("/artifacts/summaries", "{\"ids\": [\"../etc\"]}").status()).isEqualTo(400);
        assertThat(client.post("/artifacts/summaries", "[]").status()).isEqualTo(400);
        assertThat(json(client.post("/artifacts/summaries", "{\"ids\": []}"))).isEmpty();
    }

    @Test
    void theSignedInUserIsKnownToTheClient() {
        JsonNode me = json(client.get("/users/me"));
        assertThat(me.path("name").asText()).isEqualTo(RegistryClient.ADMIN);
        assertThat(me.path("is_admin").asBoolean()).isTrue();
        assertThat(client.anonymous("GET", "/users/me", null).status()).isEqualTo(403);
    }

    @Test
    void theDashboardChartsIngestsDownloadsErrorsAndLatencyPerMinute() {
        String id = ingest(BERT);
        String link = json(client.get("/artifacts/model/" + id)).at("/data/download_url").asText();
        assertThat(client.fetchAbsolute(link).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/999999999").status()).isEqualTo(404);

        HttpExchange activity = client.anonymous("GET", "/health/activity?windowMinutes=5", null);
        assertThat(activity.status()).as("open like the other health endpoints").isEqualTo(200);
        JsonNode minutes = json(activity).path("minutes");
        assertThat(minutes).hasSize(5);
        long ingests = 0;
        long downloads = 0;
        long clientErrors = 0;
        long requests = 0;
        boolean latencyMeasured = false;
        for (JsonNode minute : minutes) {
            ingests += minute.path("ingests").asLong();
            downloads += minute.path("downloads").asLong();
            clientErrors += minute.path("client_errors").asLong();
            requests += minute.path("requests").asLong();
            if (minute.path("requests").asLong() > 0) {
                latencyMeasured |= minute.path("p95_ms").isNumber();
                assertThat(minute.path("p95_ms").asLong()).isGreaterThanOrEqualTo(minute.path("p50_ms").asLong());
            }
        }
        assertThat(ingests).isGreaterThanOrEqualTo(1);
        assertThat(downloads).isGreaterThanOrEqualTo(1);
        assertThat(clientErrors).isGreaterThanOrEqualTo(1);
        assertThat(requests).isGreaterThanOrEqualTo(ingests + downloads + clientErrors);
        assertThat(latencyMeasured).isTrue();
        assertThat(client.anonymous("GET", "/health/activity?windowMinutes=2", null).status()).isEqualTo(400);
    }

    @Test
    void anAdministratorReadsTheRecentLogFilteredByLevelAndText() {
        ingest(BERT);
        HttpExchange logs = client.get("/health/logs", "level=INFO&q=ingested&limit=50");
        assertThat(logs.status()).isEqualTo(200);
        JsonNode lines = json(logs).path("lines");
        assertThat(lines.size()).isBetween(1, 50);
        lines.forEach(line -> {
            assertThat(line.path("message").asText().toLowerCase() + line.path("logger").asText().toLowerCase())
                    .contains("ingested");
            assertThat(line.path("level").asText()).isIn("INFO", "WARN", "ERROR");
        });
        assertThat(client.get("/health/logs", "level=LOUD").status()).isEqualTo(400);
        assertThat(client.get("/health/logs", "limit=100000").status()).isEqualTo(400);
        assertThat(client.anonymous("GET", "/health/logs", null).status()).isEqualTo(403);
    }

    private String ingest(String url) {
        HttpExchange created = client.post("/artifact/model", ingestBody(url));
        assertThat(created.status()).isEqualTo(201);
        return json(created).at("/metadata/id").asText();
    }
}
