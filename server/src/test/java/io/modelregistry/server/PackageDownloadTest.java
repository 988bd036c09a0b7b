package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.server.support.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A package is assembled from its blobs as a zip whose length, ETag and byte offsets are known before the first
 * byte: what a resumable download needs. Aspects are subsets of the same package; every download is an event
 * saying who fetched which aspect and how many bytes were sent.
 */
class PackageDownloadTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void theFullDownloadIsAZipOfTheStoredFilesWithItsLengthAndETagKnownUpFront() throws Exception {
        String link = ingestTinyLlm();
        HttpResponse<byte[]> full = get(link, Map.of());
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(full.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{64}\""));
        assertThat(full.headers().firstValueAsLong("Content-Length")).hasValue(full.body().length);
        Map<String, byte[]> entries = entries(full.body());
        assertThat(entries).containsKeys("registry-manifest.json", "README.md", "config.json");
        assertThat(centralDirectoryNames(full.body())).containsExactlyElementsOf(entries.keySet());
        JsonNode listing = JSON.readTree(entries.get("registry-manifest.json")).path("files");
        List<String> stored = new ArrayList<>();
        for (JsonNode file : listing) {
            if (file.path("stored").asBoolean()) {
                stored.add(file.path("path").asText());
                assertThat("sha256:" + sha256(entries.get(file.path("path").asText())))
                        .as("hash of %s", file.path("path").asText()).isEqualTo(file.path("hash").asText());
            }
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(
                concat(List.of("registry-manifest.json"), stored));
        assertThat(get(link, Map.of()).body()).as("the same package gives the same bytes").isEqualTo(full.body());
    }

    @Test
    void tinyLlmIsStoredWholeAndItsWeightsAreTheFileTheHubListed() throws Exception {
        String link = ingestTinyLlm();
        JsonNode listing = JSON.readTree(get(HUB.hfEndpoint() + "/api/models/arnir0/Tiny-LLM?blobs=true", Map.of()).body());
        Map<String, String> listedSha = new LinkedHashMap<>();
        for (JsonNode sibling : listing.path("siblings")) {
            if (sibling.path("lfs").has("sha256")) {
                listedSha.put(sibling.path("rfilename").asText(), sibling.at("/lfs/sha256").asText());
            }
        }
        HttpResponse<byte[]> full = get(link, Map.of());
        Map<String, byte[]> entries = entries(full.body());
        assertThat(entries.keySet()).contains("model.safetensors", "tokenizer.json", "tokenizer.model", "config.json",
                "README.md", "generation_config.json");
        assertThat(entries.get("model.safetensors")).hasSize(51_958_448);
        assertThat(sha256(entries.get("model.safetensors"))).isEqualTo(listedSha.get("model.safetensors"));
        assertThat(sha256(entries.get("tokenizer.model"))).isEqualTo(listedSha.get("tokenizer.model"));

        HttpResponse<byte[]> weights = get(link + "&aspect=weights", Map.of());
        Map<String, byte[]> weightEntries = entries(weights.body());
        assertThat(weightEntries.keySet()).containsExactly("model.safetensors");
        assertThat(sha256(weightEntries.get("model.safetensors"))).isEqualTo(listedSha.get("model.safetensors"));
    }

    @Test
    void anAspectHoldsOnlyItsFilesAndAnUnknownAspectIsABadRequest() throws Exception {
        String link = ingestTinyLlm();
        HttpResponse<byte[]> card = get(link + "&aspect=card", Map.of());
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(entries(card.body()).keySet()).containsExactlyInAnyOrder("registry-manifest.json", "README.md");
        assertThat(card.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).endsWith("-card\""));
        HttpResponse<byte[]> config = get(link + "&aspect=config", Map.of());
        assertThat(entries(config.body()).keySet()).contains("config.json").doesNotContain("README.md");
        HttpResponse<byte[]> weights = get(link + "&aspect=weights", Map.of());
        assertThat(entries(weights.body()).keySet()).containsExactly("model.safetensors");
        HttpResponse<byte[]> bogus = get(link + "&aspect=everything", Map.of());
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(new String(bogus.body(), StandardCharsets.UTF_8)).contains("Unknown aspect");
    }

    @Test
    void aDownloadCutAtARandomByteAndResumedWithARangeGivesIdenticalBytes() throws Exception {
        String link = ingestTinyLlm();
        HttpResponse<byte[]> full = get(link, Map.of());
        String etag = full.headers().firstValue("ETag").orElseThrow();
        Random random = new Random(8);
        for (int i = 0; i < 5; i++) {
            int cut = 1 + random.nextInt(full.body().length - 1);
            HttpResponse<byte[]> rest = get(link, Map.of("Range", "bytes=" + cut + "-", "If-Range", etag));
            assertThat(rest.statusCode()).isEqualTo(206);
            assertThat(rest.headers().firstValue("Content-Range"))
                    .hasValue("bytes " + cut + "-" + (full.body().length - 1) + "/" + full.body().length);
            byte[] resumed = concat(Arrays.copyOf(full.body(), cut), rest.body());
            assertThat(resumed).isEqualTo(full.body());
        }
        HttpResponse<byte[]> middle = get(link, Map.of("Range", "bytes=10-40"));
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(full.body(), 10, 41));
        HttpResponse<byte[]> suffix = get(link, Map.of("Range", "bytes=-7"));
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(full.body(), full.body().length - 7, full.body().length));
        HttpResponse<byte[]> stale = get(link, Map.of("Range", "bytes=5-", "If-Range", "\"not-this-package\""));
        assertThat(stale.statusCode()).as("a changed package is sent whole").isEqualTo(200);
        assertThat(stale.body()).isEqualTo(full.body());
        HttpResponse<byte[]> beyond = get(link, Map.of("Range", "bytes=" + full.body().length + "-"));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + full.body().length);
    }

    @Test
    void eachDownloadIsAnEventWithItsAspectAndTheBytesSent() throws Exception {
        String link = ingestTinyLlm();
        long fullLength = get(link, Map.of()).body().length;
        get(link + "&aspect=config", Map.of());
        get(link, Map.of("Range", "bytes=100-"));
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(fullLength);

        List<JsonNode> downloads = new ArrayList<>();
        for (String payload : jdbc.query("SELECT payload FROM DomainEventEntry WHERE payloadType = ? ORDER BY globalIndex",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), ArtifactDownloaded.class.getName())) {
            JsonNode download = JSON.readTree(payload);
            if (link.contains("/download/" + download.path("artifactId").asText() + "?")) {
                downloads.add(download); // the log outlives resets: other tests' downloads are in it too
            }
        }
        assertThat(downloads).as("a HEAD request is not a download").hasSize(3);
        assertThat(downloads).extracting(d -> d.path("aspect").asText()).containsExactly("full", "config", "full");
        assertThat(downloads.get(0).path("bytes").asLong()).isEqualTo(fullLength);
        assertThat(downloads.get(2).path("bytes").asLong()).isEqualTo(fullLength - 100);
        assertThat(downloads).allSatisfy(d -> assertThat(d.at("/actor/username").asText()).isEqualTo(RegistryClient.ADMIN));
    }

    private String ingestTinyLlm() {
        var created = client.post("/artifact/model", ingestBody("https://huggingface.co/arnir0/Tiny-LLM"));
        assertThat(created.status()).isEqualTo(201);
        return json(created).at("/data/download_url").asText();
    }

    private static HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private List<String> centralDirectoryNames(byte[] zip) throws IOException {
        Path file = Files.write(temp.resolve("package.zip"), zip);
        try (ZipFile zipFile = new ZipFile(file.toFile())) {
            return zipFile.stream().map(ZipEntry::getName).toList();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
