package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.command.weights.PickleBytes;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pickle-based weights end to end over HTTP: an uploaded zip whose {@code pytorch_model.bin} (PyTorch's zip format)
 * pickles a call of {@code posix.system} is scanned on upload; the finding is shown; every download that would send
 * that file is refused with the imports named, until an administrator (and only an administrator) overrides it,
 * which is an event naming them; a model of plain tensors downloads as ever.
 */
class UnsafeWeightsTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    JdbcTemplate jdbc;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void aModelWithDangerousPickledWeightsIsShownRefusedAndServedOnlyAfterAnAdministratorsOverride() throws Exception {
        Map<String, byte[]> files = TestZips.model("---\nlicense: mit\n---\n# Evil tiny\n");
        byte[] evil = PickleBytes.torchZip(PickleBytes.stackGlobalCall("posix", "system", "touch /tmp/pwned"), false);
        files.put("pytorch_model.bin", evil);
        files.put("optimizer.pt", PickleBytes.torchZip(PickleBytes.benignStateDict(), true));
        JsonNode created = upload("evil-tiny", files);
        String id = created.at("/metadata/id").asText();
        String link = created.at("/data/download_url").asText();

        HttpExchange scanned = client.get("/artifact/model/" + id + "/weights-scan");
        assertThat(scanned.status()).as(scanned.text()).isEqualTo(200);
        assertThat(extensionViolations(scanned)).as("the answer matches the extension document").isEmpty();
        JsonNode scan = json(scanned);
        assertThat(scan.path("scanned").asBoolean()).isTrue();
        assertThat(scan.path("level").asText()).isEqualTo("dangerous");
        assertThat(scan.path("download_refused").asBoolean()).isTrue();
        assertThat(texts(scan.path("dangerous_imports"))).containsExactly("posix.system");
        JsonNode first = scan.path("files").get(0);
        assertThat(first.path("path").asText()).isEqualTo("pytorch_model.bin");
        assertThat(first.path("level").asText()).isEqualTo("dangerous");
        JsonNode second = scan.path("files").get(1);
        assertThat(second.path("path").asText()).isEqualTo("optimizer.pt");
        assertThat(second.path("level").asText()).isEqualTo("safe");

        for (String refused : List.of(link, link + "&aspect=weights")) {
            HttpExchange download = client.fetchAbsolute(refused);
            assertThat(download.status()).as(refused).isEqualTo(403);
            assertThat(json(download).path("message").asText()).contains("pytorch_model.bin")
                    .contains("posix.system").contains("/weights-scan/override");
        }
        HttpExchange card = client.fetchAbsolute(link + "&aspect=card");
        assertThat(card.status()).as("an aspect without the dangerous file is served").isEqualTo(200);
        HttpExchange history = client.get("/downloads/history");
        assertThat(history.text()).contains("unsafe_weights");

        String adminToken = client.token();
        registerUser("mallory", true);
        assertThat(client.login("mallory", "mallory password 123").status()).isEqualTo(200);
        HttpExchange notAdmin = client.put("/artifact/model/" + id + "/weights-scan/override",
                "{\"reason\": \"trust me\"}");
        assertThat(notAdmin.status()).as(notAdmin.text()).isEqualTo(401);
        assertThat(overrideEvents()).as("a refused override appends nothing").isZero();
        client.useToken(adminToken);
        assertThat(client.fetchAbsolute(link).status()).as("still refused").isEqualTo(403);

        HttpExchange overridden = client.put("/artifact/model/" + id + "/weights-scan/override",
                "{\"reason\": \"reviewed: the call is a test fixture\"}");
        assertThat(overridden.status()).as(overridden.text()).isEqualTo(200);
        assertThat(extensionViolations(overridden)).isEmpty();
        JsonNode allowed = json(overridden);
        assertThat(allowed.path("download_refused").asBoolean()).isFalse();
        assertThat(allowed.at("/override/by").asText()).isEqualTo(RegistryClient.ADMIN);
        assertThat(allowed.at("/override/reason").asText()).isEqualTo("reviewed: the call is a test fixture");
        assertThat(overrideEvents()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE payloadType LIKE ?",
                byte[].class, "%UnsafeWeightsOverridden")).asString(StandardCharsets.UTF_8)
                .contains(RegistryClient.ADMIN).contains(created.at("/metadata/name").asText());

        HttpExchange full = client.fetchAbsolute(link);
        assertThat(full.status()).isEqualTo(200);
        assertThat(entries(full.body()).get("pytorch_model.bin")).isEqualTo(evil);
        assertThat(client.fetchAbsolute(link + "&aspect=weights").status()).isEqualTo(200);

        HttpExchange withdrawn = client.delete("/artifact/model/" + id + "/weights-scan/override");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(json(withdrawn).path("download_refused").asBoolean()).isTrue();
        assertThat(client.fetchAbsolute(link).status()).as("refused again").isEqualTo(403);
    }

    @Test
    void aModelOfPlainTensorsIsSafeAndDownloadsAndHasNothingToOverride() throws Exception {
        Map<String, byte[]> files = TestZips.model("---\nlicense: mit\n---\n# Plain\n");
        files.put("pytorch_model.bin", PickleBytes.torchZip(PickleBytes.benignStateDict(), false));
        JsonNode created = upload("plain-tiny", files);
        String id = created.at("/metadata/id").asText();

        JsonNode scan = json(client.get("/artifact/model/" + id + "/weights-scan"));
        assertThat(scan.path("level").asText()).isEqualTo("safe");
        assertThat(scan.path("download_refused").asBoolean()).isFalse();
        assertThat(client.fetchAbsolute(created.at("/data/download_url").asText()).status()).isEqualTo(200);
        HttpExchange override = client.put("/artifact/model/" + id + "/weights-scan/override", "{}");
        assertThat(override.status()).as(override.text()).isEqualTo(409);
        assertThat(client.get("/artifact/model/999999/weights-scan").status()).isEqualTo(404);
        assertThat(client.get("/artifact/model/" + id + "/weights-scan", "version=1.0.0").status()).isEqualTo(200);
        assertThat(client.get("/artifact/model/" + id + "/weights-scan", "version=9.9.9").status()).isEqualTo(404);
        HttpExchange notAVersion = client.get("/artifact/model/" + id + "/weights-scan", "version=true");
        assertThat(notAVersion.status()).as(notAVersion.text()).isEqualTo(400);
        assertThat(json(notAVersion).path("message").asText()).contains("not a semantic version");
    }

    @Test
    void aModelWithAnUnknownImportIsSuspiciousAndStillDownloads() throws Exception {
        Map<String, byte[]> files = TestZips.model("---\nlicense: mit\n---\n# Custom\n");
        files.put("model.pkl", PickleBytes.globalCall("acme.models", "TinyNet", "x"));
        JsonNode created = upload("custom-tiny", files);

        JsonNode scan = json(client.get("/artifact/model/" + created.at("/metadata/id").asText() + "/weights-scan"));
        assertThat(scan.path("level").asText()).isEqualTo("suspicious");
        assertThat(texts(scan.at("/files/0/unknown_imports"))).containsExactly("acme.models.TinyNet");
        assertThat(client.fetchAbsolute(created.at("/data/download_url").asText()).status()).isEqualTo(200);
    }

    // ---- helpers

    private JsonNode upload(String name, Map<String, byte[]> files) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact/model/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&version=1.0.0")).timeout(Duration.ofSeconds(120))
                .header("X-Authorization", client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestZips.zip(files))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private void registerUser(String name, boolean allPermissions) {
        var body = JSON.createObjectNode();
        body.putObject("user").put("name", name).put("is_admin", false);
        body.putObject("secret").put("password", name + " password 123");
        var permissions = body.putArray("permissions");
        if (allPermissions) {
            permissions.add("upload").add("search").add("download");
        }
        HttpExchange registered = client.post("/users", body.toString());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    }

    private long overrideEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE ?", Long.class,
                "%UnsafeWeightsOverridden");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<ValidationReport.Message> extensionViolations(HttpExchange exchange) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                UnsafeWeightsTest.class.getClassLoader().getResource("openapi/registry-extensions.yaml")
                        .toString()).build();
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path()).withHeader("X-Authorization", exchange.token());
        if (exchange.requestBody() != null) {
            request.withContentType("application/json").withBody(exchange.requestBody());
        }
        SimpleResponse response = SimpleResponse.Builder.status(exchange.status())
                .withContentType("application/json").withBody(exchange.text()).build();
        return validator.validate(request.build(), response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
    }
}
