package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * End to end, the way a grader drives it: the packaged jar in its own process, pointed at the fake hub,
 * through the whole lifecycle; then a restart, after which everything registered must still be there.
 */
class PackagedRegistryLifecycleIT {

    @Test
    void lifecycleThenRestartKeepsEverything() throws Exception {
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        assertThat(jar).exists();
        Path work = RegistryProcess.tempDir("registry-e2e");
        ContractValidator contract = new ContractValidator();
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "REGISTRY_PULL_THROUGH_MAX_BYTES", RegistryTestEnvironment.FAKE_HUB_FILE_BYTES,
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"))) {
            registry.start();
            System.out.println("[e2e] first start to /health 200: " + registry.lastStartup().toMillis() + " ms");
            RegistryClient client = new RegistryClient(registry.baseUrl(), contract::check);

            assertThat(client.anonymous("GET", "/health", null).status()).isEqualTo(200);
            assertThat(client.anonymous("GET", "/tracks", null).status()).isEqualTo(200);
            assertThat(client.loginAsAdmin().status()).isEqualTo(200);
            assertThat(client.delete("/reset").status()).isEqualTo(200);
            assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();

            List<String> modelUrls = List.of("https://huggingface.co/google-bert/bert-base-uncased",
                    "https://huggingface.co/openai/whisper-tiny/tree/main",
                    "https://huggingface.co/parvk11/audience_classifier_model");
            List<String> modelIds = new ArrayList<>();
            for (String url : modelUrls) {
                HttpExchange created = client.post("/artifact/model", ingestBody(url));
                assertThat(created.status()).as(url).isEqualTo(201);
                assertThat(json(created).at("/data/url").asText()).isEqualTo(url);
                modelIds.add(json(created).at("/metadata/id").asText());
            }
            HttpExchange dataset = client.post("/artifact/dataset", ingestBody("https://huggingface.co/datasets/bookcorpus/bookcorpus"));
            assertThat(dataset.status()).isEqualTo(201);
            HttpExchange code = client.post("/artifact/code", ingestBody("https://github.com/openai/whisper"));
            assertThat(code.status()).isEqualTo(201);
            String codeId = json(code).at("/metadata/id").asText();

            // pagination: every artifact exactly once across pages
            Set<String> seen = new HashSet<>();
            HttpExchange page = client.post("/artifacts", "[{\"name\":\"*\"}]");
            json(page).forEach(m -> seen.add(m.get("id").asText()));
            assertThat(seen).hasSize(5);
            assertThat(page.header("offset")).isNull();
            assertThat(json(client.post("/artifacts", "[{\"name\":\"*\",\"types\":[\"model\"]}]"))).hasSize(3);

            assertThat(json(client.get("/artifact/byName/bert-base-uncased")).get(0).get("id").asText())
                    .isEqualTo(modelIds.get(0));
            assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"^whisper-tiny$\"}").status()).isEqualTo(200);
            assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"audience\"}").status()).isEqualTo(200);
            assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"ece461rules\"}").status()).isEqualTo(404);

            HttpExchange bert = client.get("/artifacts/model/" + modelIds.get(0));
            assertThat(bert.status()).isEqualTo(200);
            String update = "{\"metadata\":{\"name\":\"bert-base-uncased\",\"id\":\"" + modelIds.get(0)
                    + "\",\"type\":\"model\"},\"data\":{\"url\":\"https://huggingface.co/google-bert/bert-base-uncased\"}}";
            assertThat(client.put("/artifacts/model/" + modelIds.get(0), update).status()).isEqualTo(200);
            assertThat(client.delete("/artifacts/code/" + codeId).status()).isEqualTo(200);
            assertThat(client.get("/artifacts/code/" + codeId).status()).isEqualTo(404);

            bert = client.get("/artifacts/model/" + modelIds.get(0)); // the update stored a new bundle: fresh link
            HttpExchange download = client.fetchAbsolute(json(bert).at("/data/download_url").asText());
            assertThat(download.status()).isEqualTo(200);
            assertThat(entries(download.body())).contains("README.md", "config.json");
            String fixtureReadme = Files.readString(Path.of("..", "testdata", "hub-fixtures", "huggingface",
                    "google-bert", "bert-base-uncased", "resolve", "main", "README.md"));
            assertThat(entry(download.body(), "README.md")).isEqualTo(fixtureReadme);

            List<String> actions = new ArrayList<>();
            json(client.get("/artifact/model/" + modelIds.get(0) + "/audit")).forEach(e -> actions.add(e.get("action").asText()));
            assertThat(actions).containsExactly("CREATE", "UPDATE", "DOWNLOAD");

            // ratings: recorded at ingest (advisory gate, so the blank, unlicensed card is in) and on update
            var bertRating = json(client.get("/artifact/model/" + modelIds.get(0) + "/rate"));
            var audienceRating = json(client.get("/artifact/model/" + modelIds.get(2) + "/rate"));
            assertThat(bertRating.get("net_score").asDouble()).isGreaterThan(audienceRating.get("net_score").asDouble());
            assertThat(audienceRating.get("license").asDouble()).isZero();
            assertThat(client.get("/artifact/model/invalidId/rate").status()).isEqualTo(404);

            // restart: the event log and the read models survive
            registry.stop();
            registry.start();
            System.out.println("[e2e] restart to /health 200: " + registry.lastStartup().toMillis() + " ms");
            assertThat(client.get("/artifacts/model/" + modelIds.get(1)).status()).isEqualTo(200);
            assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).hasSize(4);
            assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"bookcorpus\"}").status()).isEqualTo(200);
            assertThat(client.get("/artifacts/code/" + codeId).status()).isEqualTo(404);
            assertThat(json(client.get("/artifact/model/" + modelIds.get(2) + "/rate")).get("net_score").asDouble())
                    .isEqualTo(audienceRating.get("net_score").asDouble());

            assertThat(client.delete("/reset").status()).isEqualTo(200);
            assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();
            registry.stop();
            registry.start();
            client.loginAsAdmin();
            assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();
        }
        assertThat(contract.violations()).isEmpty();
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
