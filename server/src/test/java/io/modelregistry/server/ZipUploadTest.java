package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.support.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Private uploads end to end over HTTP: a zip laid out like a HuggingFace repository goes in (raw or multipart),
 * and every file comes back out byte for byte, in full and by aspect; a model is rated and its lineage extracted
 * without the public hub; a malicious or malformed zip is a 400 with the reason and leaves no blob and no event.
 */
class ZipUploadTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void anUploadedModelDownloadsWithEveryEntryByteForByteInFullAndByAspect() throws Exception {
        Map<String, byte[]> files = TestZips.model("---\nlicense: apache-2.0\n---\n# Acme tiny\n");
        files.put("tokenizer.json", "{\"version\": \"1.0\"}".getBytes(StandardCharsets.UTF_8));
        files.put("train.py", "print('hello')\n".getBytes(StandardCharsets.UTF_8));
        files.put("data/sample.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = upload("model", "acme-tiny", "1.0.0", TestZips.zip(files));
        assertThat(response.statusCode()).as(body(response)).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        assertThat(created.at("/metadata/name").asText()).isEqualTo("acme-tiny");
        assertThat(created.at("/metadata/type").asText()).isEqualTo("model");
        assertThat(created.at("/data/url").asText()).isEqualTo("urn:model-registry:upload:model:acme-tiny");
        String link = created.at("/data/download_url").asText();

        Map<String, byte[]> full = entries(client.fetchAbsolute(link).body());
        assertThat(full.keySet()).containsExactlyInAnyOrderElementsOf(files.keySet());
        files.forEach((name, bytes) -> assertThat(sha256(full.get(name))).as(name).isEqualTo(sha256(bytes)));
        Map<String, Set<String>> aspects = Map.of(
                "weights", Set.of("model.safetensors"),
                "card", Set.of("README.md"),
                "config", Set.of("config.json", "tokenizer.json"),
                "code", Set.of("train.py"),
                "datasets", Set.of("data/sample.csv"));
        aspects.forEach((aspect, names) -> {
            Map<String, byte[]> part = entries(client.fetchAbsolute(link + "&aspect=" + aspect).body());
            assertThat(part.keySet()).as(aspect).containsExactlyInAnyOrderElementsOf(names);
            names.forEach(name -> assertThat(part.get(name)).as(name).isEqualTo(files.get(name)));
        });

        String id = created.at("/metadata/id").asText();
        JsonNode read = json(client.get("/artifacts/model/" + id));
        assertThat(read.at("/data/url").asText()).isEqualTo("urn:model-registry:upload:model:acme-tiny");
        assertThat(client.get("/artifact/model/" + id + "/cost").status()).isEqualTo(200);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"acme-t.*\"}").text()).contains(id);
    }

    @Test
    void anUploadedModelIsRatedAndItsLineageExtractedWithoutThePublicHub() throws Exception {
        HttpResponse<byte[]> base = upload("model", "acme-base", null, TestZips.zip(TestZips.model("# Base")));
        assertThat(base.statusCode()).as(body(base)).isEqualTo(201);
        String baseId = JSON.readTree(base.body()).at("/metadata/id").asText();
        Map<String, byte[]> tuned = TestZips.model("---\nbase_model: acme-base\nlicense: mit\n"
                + "datasets:\n- acme/private-data\n---\n# Tuned\nFine-tuned from acme-base.\n");
        HttpResponse<byte[]> child = upload("model", "acme-tuned", "2.0.0", TestZips.zip(tuned));
        assertThat(child.statusCode()).as(body(child)).isEqualTo(201);
        String childId = JSON.readTree(child.body()).at("/metadata/id").asText();

        var rating = client.get("/artifact/model/" + childId + "/rate");
        assertThat(rating.status()).as(rating.text()).isEqualTo(200);
        JsonNode scores = json(rating);
        assertThat(scores.path("name").asText()).isEqualTo("acme-tuned");
        assertThat(scores.path("net_score").isNumber()).isTrue();
        assertThat(scores.path("license").asDouble()).as("mit is a known licence").isGreaterThan(0);

        JsonNode graph = json(client.get("/artifact/model/" + childId + "/lineage"));
        assertThat(graph.toString()).contains(baseId);
        assertThat(graph.path("edges").toString()).contains(baseId).contains(childId);
        assertThat(HUB.requestCount("/api/datasets/acme")).as("the hub never hears of an upload's links").isZero();
        assertThat(HUB.requestCount("/api/models/acme")).as("nor of the upload itself").isZero();
    }

    @Test
    void aMultipartUploadWorksLikeARawOne() throws Exception {
        byte[] zip = TestZips.zip(TestZips.files("README.md", "# Data", "train.csv", "x,y\n1,2\n"));
        String boundary = "----registry-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nacme-data\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\nv1.2.0\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = send(URI.create(client.baseUrl() + "/artifact/dataset/upload"),
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertThat(response.statusCode()).as(body(response)).isEqualTo(201);
        Map<String, byte[]> back = entries(client.fetchAbsolute(
                JSON.readTree(response.body()).at("/data/download_url").asText()).body());
        assertThat(back.get("train.csv")).isEqualTo("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploadsLeftInSpool()).as("the spool is emptied after each request").isEmpty();
    }

    @Test
    void aSecondUploadWithTheSameNameAndTypeIsAConflict() throws Exception {
        byte[] zip = TestZips.zip(TestZips.files("main.py", "print(1)"));
        assertThat(upload("code", "acme-tools", null, zip).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> again = upload("code", "ACME-tools", null, zip);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again)).contains("already been uploaded");
        assertThat(upload("dataset", "acme-tools", null,
                TestZips.zip(TestZips.files("README.md", "# d", "a.csv", "1"))).statusCode())
                .as("another type may use the name").isEqualTo(201);
    }

    @Test
    void everyMaliciousOrMalformedZipIsABadRequestThatStoresNothing() throws Exception {
        Map<String, byte[]> traversal = TestZips.files("README.md", "# m", "config.json", "{}");
        traversal.put("../../etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> bomb = TestZips.files("README.md", "# d");
        bomb.put("zeros.csv", new byte[32 * 1024 * 1024]);
        Map<String, byte[]> linked = TestZips.files("README.md", "# d", "link.csv", "/etc/passwd");
        Map<String, byte[]> backslash = TestZips.files("README.md", "# m", "config.json", "{}");
        backslash.put("..\\evil.json", "{}".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> cased = TestZips.files("README.md", "# d", "readme.MD", "# again", "a.csv", "1");
        Map<String, byte[]> noCard = TestZips.files("config.json", "{}");
        Map<String, byte[]> malformedName = TestZips.files("README.md", "# m", "config.json", "{}");
        malformedName.put("/abs.json", "{}".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("model|not a plain relative path", TestZips.plainZip(traversal));
        cases.put("model|not a plain relative path ", TestZips.plainZip(backslash));
        cases.put("model|not a plain relative path  ", TestZips.plainZip(malformedName));
        cases.put("dataset|inflates more than", TestZips.zip(bomb));
        cases.put("dataset|symbolic link", TestZips.withUnixMode(linked, "link.csv", 0120777));
        cases.put("dataset|share bytes", TestZips.overlapping(new byte[4096], 3));
        cases.put("dataset|encrypted", TestZips.encrypted(TestZips.zip(TestZips.files("README.md", "# d", "a.csv", "1"))));
        cases.put("dataset|two entries", TestZips.zip(cased));
        cases.put("model|no README.md", TestZips.zip(noCard));
        cases.put("code|not a zip", "just text".getBytes(StandardCharsets.UTF_8));
        cases.put("code|declares 3 bytes", TestZips.lyingSize(TestZips.zip(TestZips.files("main.py",
                "print('longer than declared')")), 3));
        long eventsBefore = events();
        Set<String> blobsBefore = blobs();
        int n = 0;
        for (Map.Entry<String, byte[]> test : cases.entrySet()) {
            String[] typeAndReason = test.getKey().split("\\|");
            HttpResponse<byte[]> response = upload(typeAndReason[0], "evil-" + n++, null, test.getValue());
            assertThat(response.statusCode()).as(test.getKey() + ": " + body(response)).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("message").asText()).as(test.getKey())
                    .contains(typeAndReason[1].strip());
        }
        assertThat(blobs()).as("no blob is left behind").isEqualTo(blobsBefore);
        assertThat(events()).as("no event is appended").isEqualTo(eventsBefore);
        assertThat(uploadsLeftInSpool()).isEmpty();
        assertThat(json(client.post("/artifacts", "[{\"name\": \"*\"}]")).size()).isZero();
    }

    @Test
    void badRequestsAreRefusedBeforeTheBodyIsRead() throws Exception {
        byte[] zip = TestZips.zip(TestZips.files("main.py", "print(1)"));
        assertThat(upload("code", null, null, zip).statusCode()).isEqualTo(400);
        assertThat(upload("code", "*", null, zip).statusCode()).isEqualTo(400);
        assertThat(upload("code", "ok", "not-a-version", zip).statusCode()).isEqualTo(400);
        assertThat(upload("gizmo", "ok", null, zip).statusCode()).isEqualTo(400);
        assertThat(send(URI.create(client.baseUrl() + "/artifact/code/upload?name=ok"), "application/json", zip)
                .statusCode()).isEqualTo(400);
        HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(
                        URI.create(client.baseUrl() + "/artifact/code/upload?name=ok"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).as("uploads need a token like every /artifact path").isEqualTo(403);
    }

    @Test
    void aZipUploadedAsANewVersionIsAddedOnceAndDownloadsAsThatVersion() throws Exception {
        HttpResponse<byte[]> first = upload("model", "acme-versioned", "1.0.0",
                TestZips.zip(TestZips.model("# Acme v1")));
        assertThat(first.statusCode()).as(body(first)).isEqualTo(201);
        String id = JSON.readTree(first.body()).at("/metadata/id").asText();
        Map<String, byte[]> next = TestZips.model("# Acme v1.1");
        next.put("generation_config.json", "{\"max_length\": 64}".getBytes(StandardCharsets.UTF_8));
        byte[] zip = TestZips.zip(next);
        URI versions = URI.create(client.baseUrl() + "/artifacts/model/" + id + "/versions?version=1.1.0");
        HttpResponse<byte[]> added = send(versions, "application/zip", zip);
        assertThat(added.statusCode()).as(body(added)).isEqualTo(201);
        JsonNode envelope = JSON.readTree(added.body());
        assertThat(envelope.at("/metadata/id").asText()).isEqualTo(id);
        assertThat(envelope.at("/metadata/name").asText()).isEqualTo("acme-versioned");
        String digest = URI.create(envelope.at("/data/download_url").asText()).getQuery()
                .replaceAll(".*\\bd=([0-9a-f]{64}).*", "$1");
        List<String> appended = jdbc.query("SELECT payload FROM DomainEventEntry WHERE payloadType LIKE ?",
                (rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), "%ArtifactVersionAdded");
        Map<String, byte[]> back = entries(client.fetchAbsolute(envelope.at("/data/download_url").asText()).body());
        assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(next.keySet());
        assertThat(back.get("README.md")).isEqualTo(next.get("README.md"));
        assertThat(client.get("/artifacts/model/" + id + "/versions").text()).contains("1.0.0").contains("1.1.0");
        assertThat(appended).hasSize(1);
        assertThat(appended.get(0)).contains(id).contains("\"1.1.0\"").contains(digest)
                .contains("generation_config.json");

        long events = events();
        HttpResponse<byte[]> again = send(versions, "application/zip", zip);
        assertThat(again.statusCode()).as(body(again)).isEqualTo(409);
        assertThat(events()).as("a refused version appends nothing").isEqualTo(events);
        assertThat(send(URI.create(client.baseUrl() + "/artifacts/model/123456/versions?version=2.0.0"),
                "application/zip", zip).statusCode()).isEqualTo(404);
        assertThat(send(URI.create(client.baseUrl() + "/artifacts/model/" + id + "/versions?version=2.0.0"),
                "application/zip", TestZips.zip(TestZips.files("config.json", "{}"))).statusCode()).isEqualTo(400);
    }

    // ---- helpers

    private HttpResponse<byte[]> upload(String type, String name, String version, byte[] zip) throws Exception {
        StringBuilder query = new StringBuilder();
        if (name != null) {
            query.append("name=").append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        }
        if (version != null) {
            query.append(query.isEmpty() ? "" : "&").append("version=").append(version);
        }
        return send(URI.create(client.baseUrl() + "/artifact/" + type + "/upload?" + query), "application/zip", zip);
    }

    private HttpResponse<byte[]> send(URI uri, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("X-Authorization", client.token()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private Path dataDir() {
        return Path.of(environment.getRequiredProperty("registry.data-dir"));
    }

    private Set<String> blobs() throws IOException {
        Path root = dataDir().resolve("blobs").resolve("sha256");
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private List<Path> uploadsLeftInSpool() throws IOException {
        try (Stream<Path> files = Files.list(dataDir().resolve("uploads"))) {
            return files.toList();
        }
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
