package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group transactions end to end over HTTP: commands are validated when appended (each with its own error, nothing
 * changed), an execution makes all of them visible at once or none of them, a reader polling during an execution
 * never sees part of a group, executing again answers the first result, another user cannot see or execute a
 * transaction, and a group download returns several artifacts' packages together.
 */
class GroupTransactionsTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String BERT = "https://huggingface.co/google-bert/bert-base-uncased";

    @Autowired
    JdbcTemplate jdbc;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void theCommandsOfAnExecutedTransactionAllTakeEffectAndNoneBefore() throws Exception {
        String existing = ModelUploads.model(client, "acme-old", "# Old").id();
        String tx = begin();
        JsonNode staged = json(stageUpload(tx, "model", "acme-group-model", "# Group model"));
        String model = staged.at("/commands/0/id").asText();
        String dataset = json(stageUpload(tx, "dataset", "acme-group-data", "# Group data"))
                .at("/commands/1/id").asText();
        String bert = json(stage(tx, "{\"command\":\"ingest\",\"type\":\"model\",\"url\":\"" + BERT + "\"}"))
                .at("/commands/2/id").asText();
        HttpExchange delete = stage(tx, "{\"command\":\"delete\",\"type\":\"model\",\"id\":\"" + existing + "\"}");
        assertThat(delete.status()).as(delete.text()).isEqualTo(201);
        assertThat(json(delete).path("commands")).hasSize(4);

        assertThat(client.get("/artifacts/model/" + model).status()).as("staged, not registered").isEqualTo(404);
        assertThat(client.get("/artifacts/dataset/" + dataset).status()).isEqualTo(404);
        assertThat(client.get("/artifacts/model/" + bert).status()).isEqualTo(404);
        assertThat(client.get("/artifacts/model/" + existing).status()).as("not deleted yet").isEqualTo(200);
        assertThat(names()).containsExactly("acme-old");

        HttpExchange executed = client.post("/transactions/" + tx + "/execute", "");
        assertThat(executed.status()).as(executed.text()).isEqualTo(200);
        assertThat(json(executed).path("status").asText()).isEqualTo("committed");

        assertThat(client.get("/artifacts/model/" + model).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/dataset/" + dataset).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + bert).status()).isEqualTo(200);
        assertThat(client.get("/artifacts/model/" + existing).status()).isEqualTo(404);
        assertThat(names()).containsExactlyInAnyOrder("acme-group-model", "acme-group-data", "bert-base-uncased");
        assertThat(client.get("/artifact/model/" + model + "/rate").status()).as("rated with its registration")
                .isEqualTo(200);
        assertThat(client.get("/artifact/model/" + model + "/lineage").status()).isEqualTo(200);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"acme-group-.*\"}").text())
                .contains(model).contains(dataset);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"acme-old\"}").status()).isEqualTo(404);
    }

    @Test
    void anUpdateInATransactionReplacesTheContentOnlyWhenExecuted() throws Exception {
        String whisperUrl = "https://huggingface.co/openai/whisper-tiny";
        HttpExchange created = client.post("/artifact/model", ingestBody(BERT));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = json(created).at("/metadata/id").asText();
        String tx = begin();
        String artifact = "{\"metadata\":{\"name\":\"bert-base-uncased\",\"id\":\"" + id
                + "\",\"type\":\"model\"},\"data\":{\"url\":\"" + whisperUrl + "\"}}";
        HttpExchange wrongName = stage(tx, "{\"command\":\"update\",\"type\":\"model\",\"id\":\"" + id
                + "\",\"artifact\":" + artifact.replace("bert-base-uncased", "not-its-name") + "}");
        assertThat(wrongName.status()).as("the update endpoint's own check").isEqualTo(400);
        HttpExchange update = stage(tx, "{\"command\":\"update\",\"type\":\"model\",\"id\":\"" + id
                + "\",\"artifact\":" + artifact + "}");
        assertThat(update.status()).as(update.text()).isEqualTo(201);
        assertThat(json(client.get("/artifacts/model/" + id)).at("/data/url").asText()).isEqualTo(BERT);

        assertThat(client.post("/transactions/" + tx + "/execute", "").status()).isEqualTo(200);
        assertThat(json(client.get("/artifacts/model/" + id)).at("/data/url").asText()).isEqualTo(whisperUrl);
        assertThat(client.get("/artifact/model/" + id + "/rate").status()).isEqualTo(200);
        assertThat(client.post("/artifact/model", ingestBody(BERT)).status())
                .as("the update gave up the old source").isEqualTo(201);
        assertThat(client.post("/artifact/model", ingestBody(whisperUrl)).status())
                .as("and holds the new one").isEqualTo(409);
    }

    @Test
    void aCommandThatFailsValidationIsRefusedWithItsOwnErrorAndChangesNothing() throws Exception {
        ModelUploads.model(client, "acme-taken", "# Taken");
        String tx = begin();
        assertThat(stageUpload(tx, "model", "acme-fine", "# Fine").status()).isEqualTo(201);

        HttpExchange unknown = stage(tx, "{\"command\":\"delete\",\"type\":\"model\",\"id\":\"424242\"}");
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(404);
        assertThat(unknown.text()).contains("424242");
        HttpExchange taken = stageUpload(tx, "model", "acme-taken", "# Again");
        assertThat(taken.status()).as(taken.text()).isEqualTo(409);
        HttpResponse<byte[]> notAZip = postZip("/transactions/" + tx + "/uploads/model?name=acme-broken",
                "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(notAZip.statusCode()).isEqualTo(400);
        HttpExchange nonsense = stage(tx, "{\"command\":\"rename\",\"type\":\"model\"}");
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.text()).contains("Unknown command");
        HttpExchange twice = stageUpload(tx, "model", "acme-fine", "# Fine again");
        assertThat(twice.status()).as("the transaction registers that name already").isEqualTo(409);

        JsonNode state = json(client.get("/transactions/" + tx));
        assertThat(state.path("status").asText()).isEqualTo("open");
        assertThat(state.path("commands")).as("only the valid command was appended").hasSize(1);
        assertThat(names()).containsExactly("acme-taken");
        assertThat(client.post("/transactions/" + tx + "/execute", "").status()).isEqualTo(200);
        assertThat(names()).containsExactlyInAnyOrder("acme-taken", "acme-fine");
    }

    @Test
    void anExecutionOneCommandRefusesLeavesNoneOfThemAndAnswersTheSameRefusalAgain() throws Exception {
        String doomed = ModelUploads.model(client, "acme-doomed", "# Doomed").id();
        String tx = begin();
        String fresh = json(stageUpload(tx, "model", "acme-fresh", "# Fresh")).at("/commands/0/id").asText();
        assertThat(stage(tx, "{\"command\":\"delete\",\"type\":\"model\",\"id\":\"" + doomed + "\"}").status())
                .isEqualTo(201);
        long eventsBefore = events();
        // deleted outside the transaction after it was appended: the execution finds it gone
        assertThat(client.delete("/artifacts/model/" + doomed).status()).isEqualTo(200);
        long eventsAfterDelete = events();

        HttpExchange first = client.post("/transactions/" + tx + "/execute", "");
        assertThat(first.status()).as(first.text()).isEqualTo(404);
        assertThat(json(first).path("message").asText()).contains("Command 1").contains(doomed);
        assertThat(client.get("/artifacts/model/" + fresh).status()).as("none took effect").isEqualTo(404);
        assertThat(names()).isEmpty();
        assertThat(artifactEventsSince(eventsAfterDelete)).as("no artifact event from the refused execution")
                .isZero();
        assertThat(eventsBefore).isLessThan(eventsAfterDelete);

        HttpExchange second = client.post("/transactions/" + tx + "/execute", "");
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(json(client.get("/transactions/" + tx)).path("status").asText()).isEqualTo("failed");
        assertThat(stageUpload(tx, "model", "acme-late", "# Late").status())
                .as("an executed transaction takes no more commands").isEqualTo(409);
    }

    @Test
    void anExecutionIsOneAppendOfMarkedMemberEventsEndingWithTheCommitMarker() throws Exception {
        String tx = begin();
        String model = json(stageUpload(tx, "model", "acme-logged", "# Logged")).at("/commands/0/id").asText();
        stageUpload(tx, "dataset", "acme-logged-data", "# Logged data");
        assertThat(client.post("/transactions/" + tx + "/execute", "").status()).isEqualTo(200);

        List<String[]> rows = jdbc.query("SELECT payloadType, aggregateIdentifier, metaData FROM DomainEventEntry"
                + " ORDER BY globalIndex", (rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                new String(rs.getBytes(3), StandardCharsets.UTF_8)});
        List<String[]> marked = rows.stream().filter(row -> tx.equals(meta(row[2]).path("registryGroup")
                .asText(null))).toList();
        List<String> types = marked.stream().map(row -> row[0].substring(row[0].lastIndexOf('.') + 1)).toList();
        assertThat(types).contains("ArtifactRegistered", "ModelRated", "GroupExecuted");
        assertThat(types.get(types.size() - 1)).as("the marker is appended last").isEqualTo("GroupCommitted");
        List<String[]> ofModel = rows.stream().filter(row -> model.equals(row[1])).toList();
        assertThat(ofModel).isNotEmpty().allSatisfy(row -> {
            assertThat(meta(row[2]).path("registryGroup").asText()).as("from the group").isEqualTo(tx);
            assertThat(meta(row[2]).has("traceId")).as("the message origin is still recorded").isTrue();
        });
    }

    @Test
    void executingTwiceAnswersTheFirstResultAndAppliesNothingAgain() throws Exception {
        String tx = begin();
        stageUpload(tx, "model", "acme-once", "# Once");
        HttpExchange first = client.post("/transactions/" + tx + "/execute", "");
        assertThat(first.status()).isEqualTo(200);
        long events = events();
        HttpExchange second = client.post("/transactions/" + tx + "/execute", "");
        assertThat(second.status()).isEqualTo(200);
        assertThat(json(second)).isEqualTo(json(first));
        assertThat(events()).as("the second execution appends nothing").isEqualTo(events);
        assertThat(names()).containsExactly("acme-once");
    }

    @Test
    void anotherUserCanNeitherSeeNorChangeNorExecuteATransaction() throws Exception {
        String tx = begin();
        stageUpload(tx, "model", "acme-mine", "# Mine");
        RegistryClient other = userWithUpload("group-other");

        assertThat(other.get("/transactions/" + tx).status()).isEqualTo(404);
        assertThat(other.post("/transactions/" + tx + "/commands",
                "{\"command\":\"ingest\",\"type\":\"model\",\"url\":\"" + BERT + "\"}").status()).isEqualTo(404);
        assertThat(other.post("/transactions/" + tx + "/execute", "").status()).isEqualTo(404);
        assertThat(names()).isEmpty();
        assertThat(json(client.get("/transactions/" + tx)).path("status").asText()).isEqualTo("open");
        assertThat(client.anonymous("GET", "/transactions/" + tx, null).status()).isEqualTo(403);
        assertThat(client.get("/transactions/not-a-transaction").status()).isEqualTo(404);
    }

    @Test
    void aUserHoldsABoundedNumberOfOpenTransactions() throws Exception {
        RegistryClient user = userWithUpload("group-busy");
        int begun = 0;
        int status = 201;
        while (status == 201 && begun < 1000) {
            status = user.post("/transactions", "").status();
            begun += status == 201 ? 1 : 0;
        }
        assertThat(status).isEqualTo(429);
        assertThat(begun).isEqualTo(10);
        assertThat(client.post("/transactions", "").status()).as("the bound is per user").isEqualTo(201);
    }

    @Test
    void aReaderPollingDuringAnExecutionSeesAllOfTheGroupOrNoneOfIt() throws Exception {
        int size = 5;
        for (int round = 0; round < 3; round++) {
            String tx = begin();
            Set<String> group = new TreeSet<>();
            for (int i = 0; i < size; i++) {
                group.add(json(stageUpload(tx, "dataset", "acme-r" + round + "-" + i, "# Data " + i))
                        .at("/commands/" + i + "/id").asText());
            }
            List<Integer> listed = new CopyOnWriteArrayList<>();
            List<Integer> searched = new CopyOnWriteArrayList<>();
            AtomicBoolean done = new AtomicBoolean();
            String prefix = "acme-r" + round + "-.*";
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    listed.add(countOf(group, client.post("/artifacts", "[{\"name\":\"*\"}]")));
                    searched.add(countOf(group, client.post("/artifact/byRegEx",
                            "{\"regex\": \"" + prefix + "\"}")));
                }
            });
            reader.start();
            assertThat(client.post("/transactions/" + tx + "/execute", "").status()).isEqualTo(200);
            done.set(true);
            reader.join(60_000);
            listed.add(countOf(group, client.post("/artifacts", "[{\"name\":\"*\"}]")));
            searched.add(countOf(group, client.post("/artifact/byRegEx", "{\"regex\": \"" + prefix + "\"}")));
            assertThat(listed).as("list").isNotEmpty().allMatch(n -> n == 0 || n == size);
            assertThat(searched).as("search").isNotEmpty().allMatch(n -> n == 0 || n == size);
            assertThat(listed.get(listed.size() - 1)).isEqualTo(size);
            assertThat(searched.get(searched.size() - 1)).isEqualTo(size);
        }
    }

    @Test
    void aGroupDownloadHoldsEveryNamedArtifactsPackage() throws Exception {
        String tx = begin();
        String model = json(stageUpload(tx, "model", "acme-dl-model", "# Model card")).at("/commands/0/id").asText();
        String data = json(stageUpload(tx, "dataset", "acme-dl-data", "# Data card")).at("/commands/1/id").asText();
        assertThat(client.post("/transactions/" + tx + "/execute", "").status()).isEqualTo(200);

        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact-groups/download?id=" + model + "&id=" + data))
                .header("X-Authorization", client.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        Map<String, byte[]> outer = entries(download.body());
        assertThat(outer.keySet()).containsExactlyInAnyOrder("manifest.json", "model-" + model + ".zip",
                "dataset-" + data + ".zip");
        JsonNode manifest = JSON.readTree(outer.get("manifest.json"));
        assertThat(manifest.at("/artifacts/0/id").asText()).isEqualTo(model);
        assertThat(manifest.at("/artifacts/1/name").asText()).isEqualTo("acme-dl-data");
        Map<String, byte[]> modelFiles = entries(outer.get("model-" + model + ".zip"));
        assertThat(new String(modelFiles.get("README.md"), StandardCharsets.UTF_8)).isEqualTo("# Model card");
        Map<String, byte[]> dataFiles = entries(outer.get("dataset-" + data + ".zip"));
        assertThat(new String(dataFiles.get("README.md"), StandardCharsets.UTF_8)).isEqualTo("# Data card");

        HttpResponse<byte[]> missing = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact-groups/download?id=" + model + "&id=987654321"))
                .header("X-Authorization", client.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(client.get("/artifact-groups/download").status()).isEqualTo(400);
    }

    @Test
    void theGroupEndpointsAnswerAsTheExtensionDocumentSays() throws Exception {
        String existing = ModelUploads.model(client, "acme-doc-old", "# Old").id();
        List<HttpExchange> exchanges = new ArrayList<>();
        HttpExchange begun = client.post("/transactions", null);
        exchanges.add(begun);
        String tx = json(begun).path("id").asText();
        exchanges.add(stageUpload(tx, "model", "acme-doc", "# Doc"));
        exchanges.add(stage(tx, "{\"command\":\"delete\",\"type\":\"model\",\"id\":\"" + existing + "\"}"));
        exchanges.add(stage(tx, "{\"command\":\"delete\",\"type\":\"model\",\"id\":\"424242\"}"));
        exchanges.add(client.get("/transactions/" + tx));
        exchanges.add(client.post("/transactions/" + tx + "/execute", null));
        exchanges.add(client.post("/transactions/" + tx + "/execute", null));
        exchanges.add(client.get("/transactions/group-00000000-0000-0000-0000-000000000000"));
        assertThat(exchanges).extracting(HttpExchange::status).containsExactly(201, 201, 201, 404, 200, 200, 200,
                404);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                getClass().getClassLoader().getResource("openapi/registry-extensions.yaml").toString()).build();
        List<String> violations = new ArrayList<>();
        for (HttpExchange exchange : exchanges) {
            var request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()), exchange.path())
                    .withHeader("X-Authorization", exchange.token());
            if (exchange.requestBody() != null) {
                request.withContentType("application/json").withBody(exchange.requestBody());
            }
            if (exchange.query() != null) {
                for (String pair : exchange.query().split("&")) {
                    String[] kv = pair.split("=", 2);
                    request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            var response = SimpleResponse.Builder.status(exchange.status());
            if (exchange.body().length > 0) {
                response.withContentType("application/json").withBody(exchange.text());
            }
            validator.validate(request.build(), response.build()).getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    // the zip upload's body is not kept in the exchange
                    .filter(m -> !m.getKey().startsWith("validation.request.body"))
                    .forEach(m -> violations.add(exchange.method() + " " + exchange.path() + ": " + m.getMessage()));
        }
        assertThat(violations).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String begin() throws IOException {
        HttpExchange begun = client.post("/transactions", "");
        assertThat(begun.status()).as(begun.text()).isEqualTo(201);
        JsonNode body = json(begun);
        assertThat(body.path("status").asText()).isEqualTo("open");
        assertThat(body.path("commands")).isEmpty();
        return body.path("id").asText();
    }

    private HttpExchange stage(String tx, String command) {
        return client.post("/transactions/" + tx + "/commands", command);
    }

    private HttpExchange stageUpload(String tx, String type, String name, String readme) throws Exception {
        Map<String, byte[]> files = type.equals("model") ? TestZips.model(readme)
                : TestZips.files("README.md", readme, "train.csv", "x,y\n1,2\n");
        HttpResponse<byte[]> response = postZip("/transactions/" + tx + "/uploads/" + type + "?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&version=1.0.0", TestZips.zip(files));
        return new HttpExchange("POST", "/transactions/" + tx + "/uploads/" + type,
                "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&version=1.0.0", null, client.token(),
                response.statusCode(), response.headers(), response.body());
    }

    private HttpResponse<byte[]> postZip(String pathAndQuery, byte[] zip) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(120)).header("X-Authorization", client.token())
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private RegistryClient userWithUpload(String name) {
        String password = "a-long-enough-password-1";
        HttpExchange created = client.post("/users", "{\"user\":{\"name\":\"" + name + "\",\"is_admin\":false},"
                + "\"secret\":{\"password\":\"" + password + "\"},\"permissions\":[\"upload\",\"search\",\"download\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        RegistryClient other = new RegistryClient(client.baseUrl(), exchange -> { });
        assertThat(other.login(name, password).status()).isEqualTo(200);
        return other;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        json(client.post("/artifacts", "[{\"name\":\"*\"}]")).forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private static int countOf(Set<String> group, HttpExchange answer) {
        if (answer.status() == 404) {
            return 0;
        }
        int found = 0;
        for (JsonNode entry : json(answer)) {
            found += group.contains(entry.path("id").asText()) ? 1 : 0;
        }
        return found;
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    private long artifactEventsSince(long index) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ?"
                + " AND payloadType LIKE 'io.modelregistry.api.artifact.%'", Long.class, index);
        return count == null ? 0 : count;
    }

    private static JsonNode meta(String metaData) {
        try {
            return JSON.readTree(metaData);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
