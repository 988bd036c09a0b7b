package io.modelregistry.server.support;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The acceptance lifecycle the way a grader drives it, as one scenario for every topology: every write goes
 * through {@code writer} and every read through {@code reader}. On one node they are the same client; on the
 * scale-out configuration they are two nodes, so each read right after its write also proves read-your-writes
 * across nodes, a download link signed by one node is followed on the other, and the audit trail of the download
 * is read on the node that did not serve it.
 */
public final class AcceptanceLifecycle {

    /** What the scenario registered, for the checks after a restart or a node's death. */
    public record Registered(List<String> modelIds, String codeId, double audienceNetScore) {

        public String bertId() {
            return modelIds.get(0);
        }
    }

    private final RegistryClient writer;
    private final RegistryClient reader;

    public AcceptanceLifecycle(RegistryClient writer, RegistryClient reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** From a reset to a registry of four artifacts (one deleted), updated, downloaded and rated. */
    public Registered run() {
        assertThat(writer.delete("/reset").status()).isEqualTo(200);
        assertThat(json(reader.post("/artifacts", "[{\"name\":\"*\"}]"))).as("the reset, as the reader sees it").isEmpty();

        List<String> modelUrls = List.of("https://huggingface.co/google-bert/bert-base-uncased",
                "https://huggingface.co/openai/whisper-tiny/tree/main",
                "https://huggingface.co/parvk11/audience_classifier_model");
        List<String> modelIds = new ArrayList<>();
        for (String url : modelUrls) {
            HttpExchange created = writer.post("/artifact/model", ingestBody(url));
            assertThat(created.status()).as(url).isEqualTo(201);
            assertThat(json(created).at("/data/url").asText()).isEqualTo(url);
            String id = json(created).at("/metadata/id").asText();
            assertThat(reader.get("/artifacts/model/" + id).status()).as("read right after its write").isEqualTo(200);
            modelIds.add(id);
        }
        assertThat(reader.post("/artifact/model", ingestBody(modelUrls.get(0))).status())
                .as("the duplicate-source claim, on the reader").isEqualTo(409);
        HttpExchange dataset = writer.post("/artifact/dataset",
                ingestBody("https://huggingface.co/datasets/bookcorpus/bookcorpus"));
        assertThat(dataset.status()).isEqualTo(201);
        HttpExchange code = writer.post("/artifact/code", ingestBody("https://github.com/openai/whisper"));
        assertThat(code.status()).isEqualTo(201);
        String codeId = json(code).at("/metadata/id").asText();

        // pagination: every artifact exactly once across pages
        Set<String> seen = new HashSet<>();
        HttpExchange page = reader.post("/artifacts", "[{\"name\":\"*\"}]");
        json(page).forEach(m -> seen.add(m.get("id").asText()));
        assertThat(seen).hasSize(5);
        assertThat(page.header("offset")).isNull();
        assertThat(json(reader.post("/artifacts", "[{\"name\":\"*\",\"types\":[\"model\"]}]"))).hasSize(3);

        assertThat(json(reader.get("/artifact/byName/bert-base-uncased")).get(0).get("id").asText())
                .isEqualTo(modelIds.get(0));
        assertThat(reader.post("/artifact/byRegEx", "{\"regex\":\"^whisper-tiny$\"}").status()).isEqualTo(200);
        assertThat(reader.post("/artifact/byRegEx", "{\"regex\":\"audience\"}").status()).isEqualTo(200);
        assertThat(reader.post("/artifact/byRegEx", "{\"regex\":\"ece461rules\"}").status()).isEqualTo(404);

        String bertId = modelIds.get(0);
        assertThat(reader.get("/artifacts/model/" + bertId).status()).isEqualTo(200);
        String update = "{\"metadata\":{\"name\":\"bert-base-uncased\",\"id\":\"" + bertId
                + "\",\"type\":\"model\"},\"data\":{\"url\":\"https://huggingface.co/google-bert/bert-base-uncased\"}}";
        assertThat(writer.put("/artifacts/model/" + bertId, update).status()).isEqualTo(200);
        assertThat(writer.delete("/artifacts/code/" + codeId).status()).isEqualTo(200);
        assertThat(reader.get("/artifacts/code/" + codeId).status()).isEqualTo(404);

        // the update stored a new bundle: a fresh link, signed by the writer and followed on the reader
        URI link = URI.create(json(writer.get("/artifacts/model/" + bertId)).at("/data/download_url").asText());
        HttpExchange download = reader.fetchAbsolute(reader.baseUrl() + link.getRawPath() + "?" + link.getRawQuery());
        assertThat(download.status()).isEqualTo(200);
        assertThat(entries(download.body())).contains("README.md", "config.json");
        assertThat(entry(download.body(), "README.md")).isEqualTo(fixture("google-bert", "bert-base-uncased", "README.md"));

        List<String> actions = new ArrayList<>();
        json(reader.get("/artifact/model/" + bertId + "/audit")).forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("CREATE", "UPDATE", "DOWNLOAD");

        // ratings: recorded at ingest (advisory gate, so the blank, unlicensed card is in) and on update
        var bertRating = json(reader.get("/artifact/model/" + bertId + "/rate"));
        var audienceRating = json(reader.get("/artifact/model/" + modelIds.get(2) + "/rate"));
        assertThat(bertRating.get("net_score").asDouble()).isGreaterThan(audienceRating.get("net_score").asDouble());
        assertThat(audienceRating.get("license").asDouble()).isZero();
        assertThat(reader.get("/artifact/model/invalidId/rate").status()).isEqualTo(404);
        assertThat(reader.get("/artifact/model/" + bertId + "/lineage").status()).isEqualTo(200);
        return new Registered(List.copyOf(modelIds), codeId, audienceRating.get("net_score").asDouble());
    }

    /** What {@link #run} left, read through {@code client}: after a restart, or on the survivor of a node's death. */
    public static void stillThere(RegistryClient client, Registered registered, int expectedArtifacts) {
        for (String id : registered.modelIds()) {
            assertThat(client.get("/artifacts/model/" + id).status()).as("model %s", id).isEqualTo(200);
        }
        assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).hasSize(expectedArtifacts);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"bookcorpus\"}").status()).isEqualTo(200);
        assertThat(client.get("/artifacts/code/" + registered.codeId()).status()).isEqualTo(404);
        assertThat(json(client.get("/artifact/model/" + registered.modelIds().get(2) + "/rate")).get("net_score")
                .asDouble()).isEqualTo(registered.audienceNetScore());
        List<String> actions = new ArrayList<>();
        json(client.get("/artifact/model/" + registered.bertId() + "/audit"))
                .forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("CREATE", "UPDATE", "DOWNLOAD");
    }

    private static String fixture(String owner, String repo, String file) {
        try {
            return Files.readString(Path.of("..", "testdata", "hub-fixtures", "huggingface", owner, repo, "resolve",
                    "main", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> entries(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    public static String entry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
