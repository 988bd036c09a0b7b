package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.server.support.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript HuggingFace Hub client ({@code @huggingface/hub}, installed from package-lock.json by the build into
 * {@code src/test/hf-client}) used as a real client against the registry's {@code /hf} routes: {@code modelInfo},
 * {@code datasetInfo}, {@code listFiles} and {@code downloadFile} with {@code hubUrl} at the registry. Every file it
 * downloads must be byte for byte the file in the registry's own package of that artifact, and a model the ingest
 * gate did not vet must be refused to it with the Hub's 403.
 */
class HuggingFaceJsClientTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENT = Path.of("src", "test", "hf-client").toAbsolutePath();
    private static final String BERT = "google-bert/bert-base-uncased";
    private static final String UNVETTED = "parvk11/audience_classifier_model";
    private static final String BOOKS = "bookcorpus/bookcorpus";
    /** A bound on the client's whole run (it downloads a handful of small files over loopback). */
    private static final long CLIENT_TIMEOUT_SECONDS = 120;

    @TempDir
    Path out;

    @Test
    void theHubsJavaScriptClientReadsListsAndDownloadsVettedArtifactsByteForByteAndIsRefusedAnUnvettedModel()
            throws Exception {
        assertThat(CLIENT.resolve("node_modules/@huggingface/hub/package.json"))
                .as("the build installs the client (npm ci in src/test/hf-client)").exists();
        RegistryClient client = freshRegistry(exchange -> { });
        Map<String, byte[]> bert = stored(client, ingest(client, "model", "https://huggingface.co/" + BERT));
        ingest(client, "model", "https://huggingface.co/" + UNVETTED);
        Map<String, byte[]> books = stored(client, ingest(client, "dataset", "https://huggingface.co/datasets/" + BOOKS));

        JsonNode report = run(client);

        JsonNode model = report.path("model");
        assertThat(model.at("/info/name").asText()).isEqualTo(BERT);
        assertThat(model.at("/info/private").asBoolean(true)).isFalse();
        assertThat(model.at("/info/sha").asText()).matches("[0-9a-f]{40}");
        assertThat(texts(model.at("/info/siblings"))).containsExactlyInAnyOrderElementsOf(bert.keySet());
        assertThat(texts(model.path("downloaded"))).containsExactlyInAnyOrderElementsOf(bert.keySet());
        for (Map.Entry<String, byte[]> file : bert.entrySet()) {
            assertThat(Files.readAllBytes(out.resolve("model").resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(model.path("missingFileIsNull").asBoolean()).as("EntryNotFound is null to the client").isTrue();

        JsonNode unvetted = report.path("unvetted");
        assertThat(unvetted.at("/info/gated").asText()).isEqualTo("manual");
        assertThat(unvetted.path("files")).isNotEmpty();
        assertThat(unvetted.at("/download/refused").asBoolean()).isTrue();
        assertThat(unvetted.at("/download/status").asInt()).isEqualTo(403);
        assertThat(unvetted.at("/download/message").asText()).contains("did not vet");
        assertThat(report.at("/unknown/status").asInt()).isEqualTo(404);

        JsonNode dataset = report.path("dataset");
        assertThat(dataset.at("/info/name").asText()).isEqualTo(BOOKS);
        assertThat(texts(dataset.path("downloaded"))).containsExactlyInAnyOrderElementsOf(books.keySet());
        for (Map.Entry<String, byte[]> file : books.entrySet()) {
            assertThat(Files.readAllBytes(out.resolve("dataset").resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    private JsonNode run(RegistryClient client) throws Exception {
        String node = System.getenv().getOrDefault("REGISTRY_NODE_BINARY", "node");
        ProcessBuilder builder = new ProcessBuilder(node, "hub-client.mjs").directory(CLIENT.toFile())
                .redirectError(out.resolve("stderr.txt").toFile()).redirectOutput(out.resolve("stdout.json").toFile());
        builder.environment().put("HUB_URL", client.baseUrl() + "/hf");
        builder.environment().put("REGISTRY_TOKEN", client.token().replaceFirst("(?i)^\"?bearer\\s+", "")
                .replace("\"", ""));
        builder.environment().put("OUT_DIR", out.toString());
        builder.environment().put("MODEL", BERT);
        builder.environment().put("UNVETTED", UNVETTED);
        builder.environment().put("DATASET", BOOKS);
        Process process = builder.start();
        boolean finished = process.waitFor(CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String stderr = Files.readString(out.resolve("stderr.txt"));
        assertThat(finished).as("the client finished within its bound; stderr: " + stderr).isTrue();
        assertThat(process.exitValue()).as("the client's exit status; stderr: " + stderr).isZero();
        return JSON.readTree(Files.readString(out.resolve("stdout.json")));
    }

    private static String ingest(RegistryClient client, String type, String url) {
        var created = client.post("/artifact/" + type, ingestBody(url));
        assertThat(created.status()).isEqualTo(201);
        return json(created).at("/data/download_url").asText();
    }

    /** The files of the registry's own package of an artifact (its contract download), by path. */
    private static Map<String, byte[]> stored(RegistryClient client, String downloadUrl) throws IOException {
        var download = client.fetchAbsolute(downloadUrl);
        assertThat(download.status()).isEqualTo(200);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(entries).isNotEmpty();
        return entries;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
