package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives every endpoint of the contract through real HTTP, success and error paths, and validates every
 * response against {@code openapi/registry-openapi.yaml}. The hubs are the local fake hub.
 */
class RegistryContractTest extends InProcessRegistryTest {

    private static final ContractValidator CONTRACT = new ContractValidator();

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(CONTRACT::check);
    }

    @Test
    void openEndpointsAnswerWithoutAToken() {
        assertThat(client.anonymous("GET", "/health", null).status()).isEqualTo(200);
        HttpExchange tracks = client.anonymous("GET", "/tracks", null);
        assertThat(json(tracks).get("plannedTracks")).hasSize(4);
        HttpExchange components = client.send("GET", "/health/components", "windowMinutes=5&includeTimeline=true",
                null, false);
        assertThat(components.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(components).get("components").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).contains("event-store", "blob-store", "search-index", "projections", "api", "rating");
        assertThat(client.send("GET", "/health/components", "windowMinutes=2", null, false).status()).isEqualTo(400);
        assertThat(client.send("GET", "/health/components", "includeTimeline=maybe", null, false).status())
                .isEqualTo(400);
        assertNoContractViolations();
    }

    @Test
    void authenticationAndItsFailures() {
        assertThat(client.login(RegistryClient.ADMIN, "wrong").status()).isEqualTo(401);
        assertThat(client.login("nobody", "x").status()).isEqualTo(401);
        assertThat(client.anonymous("PUT", "/authenticate", "{\"user\":{\"name\":\"x\"}}").status()).isEqualTo(400);
        assertThat(client.anonymous("PUT", "/authenticate", "not json").status()).isEqualTo(400);
        HttpExchange ok = client.loginAsAdmin();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(json(ok).asText()).startsWith("bearer ");

        String good = client.token();
        client.useToken(null);
        assertThat(client.post("/artifacts", "[{\"name\":\"*\"}]").status()).isEqualTo(403);
        assertThat(client.delete("/reset").status()).isEqualTo(403);
        assertThat(client.get("/artifacts/model/123").status()).isEqualTo(403);
        assertThat(client.get("/ingest/refusals").status()).as("extension endpoints need a token too").isEqualTo(403);
        assertThat(client.get("/artifact/model/123/vetting").status()).isEqualTo(403);
        client.useToken("bearer not-a-real-token");
        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"a\"}").status()).isEqualTo(403);
        client.useToken(good);
        assertThat(client.post("/artifacts", "[{\"name\":\"*\"}]").status()).isEqualTo(200);
        assertNoContractViolations();
    }

    @Test
    void resetKeepsTheCallersTokenAndRevokesOthers() {
        String first = client.token();
        client.loginAsAdmin();
        String second = client.token();
        assertThat(client.delete("/reset").status()).isEqualTo(200);
        assertThat(client.post("/artifacts", "[{\"name\":\"*\"}]").status()).isEqualTo(200);
        client.useToken(first);
        assertThat(client.post("/artifacts", "[{\"name\":\"*\"}]").status()).isEqualTo(403);
        client.useToken(second);
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertNoContractViolations();
    }

    @Test
    void artifactLifecycleFollowsTheContract() {
        HttpExchange empty = client.post("/artifacts", "[{\"name\":\"*\"}]");
        assertThat(json(empty)).isEmpty();

        HttpExchange bert = client.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"));
        assertThat(bert.status()).isEqualTo(201);
        String bertId = json(bert).at("/metadata/id").asText();
        assertThat(json(bert).at("/metadata/name").asText()).isEqualTo("bert-base-uncased");
        assertThat(json(bert).at("/data/url").asText()).isEqualTo("https://huggingface.co/google-bert/bert-base-uncased");
        assertThat(json(bert).at("/data/download_url").asText()).startsWith("http://127.0.0.1:" + port + "/download/");

        assertThat(client.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))
                .status()).isEqualTo(409);
        assertThat(client.post("/artifact/model", ingestBody("https://evil.example/x/y")).status()).isEqualTo(400);
        assertThat(client.post("/artifact/model", ingestBody("https://huggingface.co/no-such-org/no-such-model"))
                .status()).isEqualTo(400);
        assertThat(client.post("/artifact/widget", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))
                .status()).isEqualTo(400);
        assertThat(client.post("/artifact/model", "{}").status()).isEqualTo(400);
        assertThat(client.post("/artifact/model", "[1,2]").status()).isEqualTo(400);

        HttpExchange dataset = client.post("/artifact/dataset",
                ingestBody("https://huggingface.co/datasets/bookcorpus/bookcorpus"));
        assertThat(dataset.status()).isEqualTo(201);
        HttpExchange code = client.post("/artifact/code", ingestBody("https://github.com/google-research/bert"));
        assertThat(code.status()).isEqualTo(201);
        assertThat(json(code).at("/metadata/name").asText()).isEqualTo("google-research-bert");
        HttpExchange named = client.post("/artifact/model",
                ingestBody("https://huggingface.co/openai/whisper-tiny", "my-whisper"));
        assertThat(json(named).at("/metadata/name").asText()).isEqualTo("my-whisper");

        HttpExchange got = client.get("/artifacts/model/" + bertId);
        assertThat(got.status()).isEqualTo(200);
        assertThat(json(got).at("/metadata/id").asText()).isEqualTo(bertId);
        assertThat(client.get("/artifacts/model/invalidId").status()).isEqualTo(404);
        assertThat(client.get("/artifacts/dataset/" + bertId).status()).isEqualTo(404);
        assertThat(client.get("/artifacts/model/bad_id!").status()).isEqualTo(400);

        HttpExchange models = client.post("/artifacts", "[{\"name\":\"*\",\"types\":[\"model\"]}]");
        assertThat(models.status()).isEqualTo(200);
        assertThat(json(models)).hasSize(2);
        assertThat(client.post("/artifacts", "[{\"name\":\"*\",\"types\":[\"widget\"]}]").status()).isEqualTo(400);
        assertThat(client.post("/artifacts", "{\"name\":\"*\"}").status()).isEqualTo(400);
        assertThat(client.post("/artifacts", "offset=-1", "[{\"name\":\"*\"}]").status()).isEqualTo(400);
        String huge = "[" + "{\"name\":\"*\"},".repeat(100_000) + "{\"name\":\"*\"}]"; // ~1.3 MB
        assertThat(client.post("/artifacts", huge).status()).as("bodies are bounded").isEqualTo(413);
        assertThat(json(client.post("/artifacts", "offset=3", "[{\"name\":\"*\"}]"))).hasSize(1);

        HttpExchange byName = client.get("/artifact/byName/bert-base-uncased");
        assertThat(byName.status()).isEqualTo(200);
        assertThat(json(byName).get(0).get("id").asText()).isEqualTo(bertId);
        assertThat(client.get("/artifact/byName/no-such-name").status()).isEqualTo(404);

        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"bert-base\"}").status()).isEqualTo(200);
        HttpExchange readme = client.post("/artifact/byRegEx", "{\"regex\":\".*bookcorpus.*\"}");
        assertThat(readme.status()).isEqualTo(200);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"ece461rules\"}").status()).isEqualTo(404);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"(\"}").status()).isEqualTo(400);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"(a{1,99999}){1,99999}$\"}").status()).isEqualTo(400);
        assertThat(client.post("/artifact/byRegEx", "{}").status()).isEqualTo(400);

        String update = "{\"metadata\":{\"name\":\"bert-base-uncased\",\"id\":\"" + bertId + "\",\"type\":\"model\"},"
                + "\"data\":{\"url\":\"https://huggingface.co/google-bert/bert-base-uncased\"}}";
        assertThat(client.put("/artifacts/model/" + bertId, update).status()).isEqualTo(200);
        assertThat(client.put("/artifacts/model/" + bertId, update.replace("\"bert-base-uncased\",", "\"other\","))
                .status()).isEqualTo(400);
        assertThat(client.put("/artifacts/model/999999", update.replace(bertId, "999999")).status()).isEqualTo(404);

        // The update stored a new bundle: a link to the old one no longer serves, a fresh read gives a new link.
        assertThat(client.fetchAbsolute(json(got).at("/data/download_url").asText()).status()).isEqualTo(404);
        got = client.get("/artifacts/model/" + bertId);
        HttpExchange download = client.fetchAbsolute(json(got).at("/data/download_url").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).startsWith(0x50, 0x4b); // a zip
        HttpExchange tampered = client.fetchAbsolute(json(got).at("/data/download_url").asText() + "x");
        assertThat(tampered.status()).isEqualTo(403);

        HttpExchange audit = client.get("/artifact/model/" + bertId + "/audit");
        assertThat(audit.status()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        json(audit).forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("CREATE", "UPDATE", "DOWNLOAD");

        HttpExchange rate = client.get("/artifact/model/" + bertId + "/rate");
        assertThat(rate.status()).isEqualTo(200);
        assertThat(json(rate).at("/name").asText()).isEqualTo("bert-base-uncased");
        assertThat(json(rate).at("/size_score/aws_server").asDouble()).isEqualTo(1.0);
        assertThat(json(rate).has("vetted")).as("only the contract's 26 fields").isFalse();
        assertThat(client.get("/artifact/model/" + json(dataset).at("/metadata/id").asText() + "/rate").status())
                .isEqualTo(404);
        assertThat(client.get("/artifact/model/bad_id!/rate").status()).isEqualTo(400);
        assertThat(client.get("/artifact/model/invalidId/rate").status()).isEqualTo(404);
        assertThat(client.get("/artifact/model/invalidId/lineage").status()).isEqualTo(404);
        assertThat(client.get("/artifact/model/invalidId/cost").status()).isEqualTo(404);
        assertThat(client.post("/artifact/model/invalidId/license-check",
                "{\"github_url\":\"https://github.com/google-research/bert\"}").status()).isEqualTo(404);

        assertThat(client.delete("/artifacts/model/" + bertId).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + bertId).status()).isEqualTo(404);
        assertThat(client.delete("/artifacts/model/" + bertId).status()).isEqualTo(404);
        assertThat(client.get("/artifact/byName/bert-base-uncased").status()).isEqualTo(404);
        assertThat(client.fetchAbsolute(json(got).at("/data/download_url").asText()).status()).isEqualTo(404);

        assertThat(client.delete("/reset").status()).isEqualTo(200);
        assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();
        assertNoContractViolations();
    }

    private static void assertNoContractViolations() {
        assertThat(CONTRACT.violations()).as("responses that break the OpenAPI contract").isEmpty();
        assertThat(CONTRACT.checked()).isNotEmpty();
    }

}
