package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HuggingFace Hub's read API under {@code /hf}, as Hub clients call it with {@code HF_ENDPOINT}: model info,
 * tree, refs, search and {@code resolve} with the headers they rely on, the Hub's error headers, vetted models only,
 * and one download event per file served; the same routes for datasets.
 */
class HuggingFaceCompatibleApiTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String BERT = "google-bert/bert-base-uncased";
    private static final String BOOKS = "bookcorpus/bookcorpus";

    /** Every exchange is checked against the document of these routes, as the contract's tests do with theirs. */
    private static final OpenApiInteractionValidator DOCUMENT = OpenApiInteractionValidator.createForSpecificationUrl(
            HuggingFaceCompatibleApiTest.class.getClassLoader().getResource("openapi/hf-compat.yaml").toString())
            .build();

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> violations = new ArrayList<>();

    private RegistryClient client;
    private String bearer;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
        // Hub clients send HF_TOKEN as "Authorization: Bearer <token>": the registry token without its scheme
        bearer = "Bearer " + client.token().replaceFirst("(?i)^\"?bearer\\s+", "").replace("\"", "");
    }

    @AfterEach
    void everyExchangeMatchesTheDocument() {
        assertThat(violations).isEmpty();
    }

    @Test
    void modelInfoIsFoundByTheSourceRepoIdAndWithBlobsGivesEachFilesSizeAndSha256() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        HttpResponse<byte[]> plain = get("/hf/api/models/" + BERT, Map.of());
        assertThat(plain.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(plain.body());
        assertThat(info.path("id").asText()).isEqualTo(BERT);
        assertThat(info.path("modelId").asText()).isEqualTo(BERT);
        assertThat(info.path("sha").asText()).matches("[0-9a-f]{40}");
        assertThat(info.path("gated").asBoolean(true)).isFalse();
        assertThat(info.path("siblings")).isNotEmpty();
        assertThat(info.path("siblings").get(0).has("lfs")).as("sizes only with blobs=true").isFalse();

        JsonNode withBlobs = JSON.readTree(get("/hf/api/models/" + BERT + "?blobs=true", Map.of()).body());
        Map<String, JsonNode> siblings = siblings(withBlobs);
        assertThat(siblings).containsKey("config.json");
        byte[] config = get("/hf/" + BERT + "/resolve/main/config.json", Map.of()).body();
        assertThat(siblings.get("config.json").path("size").asLong()).isEqualTo(config.length);
        assertThat(siblings.get("config.json").at("/lfs/sha256").asText()).isEqualTo(sha256(config));

        JsonNode atRevision = JSON.readTree(get("/hf/api/models/" + BERT + "/revision/main", Map.of()).body());
        assertThat(atRevision.path("sha").asText()).isEqualTo(info.path("sha").asText());
        JsonNode byCommit = JSON.readTree(get("/hf/api/models/" + BERT + "/revision/" + info.path("sha").asText(),
                Map.of()).body());
        assertThat(byCommit.path("id").asText()).isEqualTo(BERT);
    }

    @Test
    void resolveServesTheFileAsTheHubDoesWithItsCommitEtagAndSize() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        String commit = JSON.readTree(get("/hf/api/models/" + BERT, Map.of()).body()).path("sha").asText();
        byte[] onTheHub = HTTP.send(HttpRequest.newBuilder(URI.create(HUB.hfEndpoint() + "/" + BERT
                + "/resolve/main/config.json")).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();

        HttpResponse<byte[]> head = send("HEAD", "/hf/" + BERT + "/resolve/main/config.json", Map.of());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Repo-Commit")).hasValue(commit);
        assertThat(head.headers().firstValue("ETag")).hasValue("\"" + sha256(onTheHub) + "\"");
        assertThat(head.headers().firstValue("X-Linked-Etag")).hasValue("\"" + sha256(onTheHub) + "\"");
        assertThat(head.headers().firstValueAsLong("X-Linked-Size")).hasValue(onTheHub.length);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(onTheHub.length);
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<byte[]> file = get("/hf/" + BERT + "/resolve/main/config.json", Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(onTheHub);
        assertThat(get("/hf/" + BERT + "/resolve/" + commit + "/config.json", Map.of()).body())
                .as("the commit a HEAD named resolves to the same bytes").isEqualTo(onTheHub);
        assertThat(get("/hf/" + BERT + "/resolve/v1.0.0/config.json", Map.of()).body()).isEqualTo(onTheHub);
    }

    @Test
    void aRangeRequestGetsThoseBytesAndARangePastTheEndIs416() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        byte[] whole = get("/hf/" + BERT + "/resolve/main/config.json", Map.of()).body();
        HttpResponse<byte[]> part = get("/hf/" + BERT + "/resolve/main/config.json", Map.of("Range", "bytes=10-40"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-40/" + whole.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, 10, 41));
        HttpResponse<byte[]> resumed = get("/hf/" + BERT + "/resolve/main/config.json",
                Map.of("Range", "bytes=" + (whole.length - 5) + "-"));
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 5, whole.length));
        HttpResponse<byte[]> beyond = get("/hf/" + BERT + "/resolve/main/config.json",
                Map.of("Range", "bytes=" + whole.length + "-"));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);
    }

    @Test
    void theTreeListsFilesWithTheirOidAndTheRefsNameMainAndEachVersion() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        JsonNode info = JSON.readTree(get("/hf/api/models/" + BERT + "?blobs=true", Map.of()).body());
        HttpResponse<byte[]> treeResponse = get("/hf/api/models/" + BERT + "/tree/main?recursive=true", Map.of());
        assertThat(treeResponse.statusCode()).isEqualTo(200);
        List<String> files = new ArrayList<>();
        for (JsonNode item : JSON.readTree(treeResponse.body())) {
            if (item.path("type").asText().equals("file")) {
                files.add(item.path("path").asText());
                assertThat(item.path("oid").asText()).isEqualTo(siblings(info).get(item.path("path").asText())
                        .at("/lfs/sha256").asText());
                assertThat(item.at("/lfs/oid").asText()).isEqualTo(item.path("oid").asText());
            }
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(siblings(info).keySet());

        JsonNode refs = JSON.readTree(get("/hf/api/models/" + BERT + "/refs", Map.of()).body());
        assertThat(refs.at("/branches/0/name").asText()).isEqualTo("main");
        assertThat(refs.at("/branches/0/targetCommit").asText()).isEqualTo(info.path("sha").asText());
        assertThat(refs.at("/tags/0/name").asText()).isEqualTo("v1.0.0");
        assertThat(refs.path("converts").isArray()).isTrue();
    }

    @Test
    void searchFindsRegistryModelsByNameAndBoundsTheLimit() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        ingest("https://huggingface.co/parvk11/audience_classifier_model");
        JsonNode found = JSON.readTree(get("/hf/api/models?search=bert&limit=10", Map.of()).body());
        assertThat(found).extracting(n -> n.path("id").asText()).containsExactly(BERT);
        JsonNode all = JSON.readTree(get("/hf/api/models", Map.of()).body());
        assertThat(all).hasSize(2);
        HttpResponse<byte[]> tooMany = get("/hf/api/models?limit=100000", Map.of());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooMany.body()).path("error").asText()).contains("limit");
    }

    @Test
    void aModelTheGateDidNotVetIsRefusedAsAGatedRepo() throws Exception {
        ingest("https://huggingface.co/parvk11/audience_classifier_model");
        JsonNode info = JSON.readTree(get("/hf/api/models/parvk11/audience_classifier_model", Map.of()).body());
        assertThat(info.path("gated").asText()).isEqualTo("manual");
        String file = info.at("/siblings/0/rfilename").asText();
        HttpResponse<byte[]> refused = get("/hf/parvk11/audience_classifier_model/resolve/main/" + file, Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Error-Code")).hasValue("GatedRepo");
        assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("did not vet");
        assertThat(downloadsOf("file:" + file)).as("a refused gated file sends nothing and records nothing").isEmpty();
    }

    @Test
    void unknownRepoFileAndRevisionAnswerWithTheHubsErrorCodes() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        HttpResponse<byte[]> repo = get("/hf/api/models/no-such-org/no-such-model", Map.of());
        assertThat(repo.statusCode()).isEqualTo(404);
        assertThat(repo.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
        assertThat(JSON.readTree(repo.body()).path("error").asText()).contains("no-such-org/no-such-model");
        HttpResponse<byte[]> repoFile = get("/hf/no-such-org/no-such-model/resolve/main/config.json", Map.of());
        assertThat(repoFile.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");

        HttpResponse<byte[]> entry = get("/hf/" + BERT + "/resolve/main/no-such-file.bin", Map.of());
        assertThat(entry.statusCode()).isEqualTo(404);
        assertThat(entry.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
        HttpResponse<byte[]> folder = get("/hf/api/models/" + BERT + "/tree/main/no-such-folder", Map.of());
        assertThat(folder.statusCode()).isEqualTo(404);
        assertThat(folder.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
        assertThat(JSON.readTree(folder.body()).path("error").asText())
                .matches(RefusedSourceUrlsTest.asPattern(ErrorMessage.HF_ENTRY_FOUND_FOLDER))
                .contains("no-such-folder");

        HttpResponse<byte[]> revision = get("/hf/" + BERT + "/resolve/v9.9.9/config.json", Map.of());
        assertThat(revision.statusCode()).isEqualTo(404);
        assertThat(revision.headers().firstValue("X-Error-Code")).hasValue("RevisionNotFound");
        assertThat(get("/hf/api/models/" + BERT + "/revision/nope", Map.of()).headers().firstValue("X-Error-Code"))
                .hasValue("RevisionNotFound");

        HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/hf/api/models/"
                + BERT)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).as("the Hub answers 401 to an anonymous caller").isEqualTo(401);
        assertThat(anonymous.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
        assertThat(JSON.readTree(anonymous.body()).path("error").asText()).contains("Bearer");
        HttpResponse<byte[]> registryHeader = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                + "/hf/api/models/" + BERT)).header("X-Authorization", client.token()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(registryHeader.statusCode()).as("the registry's own header works too").isEqualTo(200);
    }

    @Test
    void everyFileServedIsADownloadEventNamingTheFileAndAHeadIsNot() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        byte[] config = get("/hf/" + BERT + "/resolve/main/config.json", Map.of()).body();
        get("/hf/" + BERT + "/resolve/main/README.md", Map.of());
        send("HEAD", "/hf/" + BERT + "/resolve/main/config.json", Map.of());
        get("/hf/" + BERT + "/resolve/main/config.json", Map.of("Range", "bytes=100-"));

        List<JsonNode> configDownloads = downloadsOf("file:config.json");
        assertThat(configDownloads).hasSize(2);
        assertThat(configDownloads.get(0).path("bytes").asLong()).isEqualTo(config.length);
        assertThat(configDownloads.get(1).path("bytes").asLong()).isEqualTo(config.length - 100);
        assertThat(configDownloads).allSatisfy(d -> assertThat(d.at("/actor/username").asText())
                .isEqualTo(RegistryClient.ADMIN));
        assertThat(downloadsOf("file:README.md")).hasSize(1);
        JsonNode history = json(client.get("/downloads/history"));
        assertThat(history.toString()).contains("file:config.json");
    }

    @Test
    void aDatasetAnswersToItsSourceRepoIdWithInfoTreeRefsAndFilesAsOnTheHub() throws Exception {
        ingestDataset("https://huggingface.co/datasets/" + BOOKS);
        HttpResponse<byte[]> infoResponse = get("/hf/api/datasets/" + BOOKS + "?blobs=true", Map.of());
        assertThat(infoResponse.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(infoResponse.body());
        assertThat(info.path("id").asText()).isEqualTo(BOOKS);
        assertThat(info.has("modelId")).as("the Hub's dataset info has no modelId").isFalse();
        assertThat(info.path("gated").asBoolean(true)).as("datasets are not rated, so never gated").isFalse();
        assertThat(info.path("sha").asText()).matches("[0-9a-f]{40}");
        Map<String, JsonNode> siblings = siblings(info);
        assertThat(siblings).containsKey("README.md");

        byte[] onTheHub = HTTP.send(HttpRequest.newBuilder(URI.create(HUB.hfEndpoint() + "/datasets/" + BOOKS
                + "/resolve/main/README.md")).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        HttpResponse<byte[]> head = send("HEAD", "/hf/datasets/" + BOOKS + "/resolve/main/README.md", Map.of());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Repo-Commit")).hasValue(info.path("sha").asText());
        assertThat(head.headers().firstValue("X-Linked-Etag")).hasValue("\"" + sha256(onTheHub) + "\"");
        HttpResponse<byte[]> file = get("/hf/datasets/" + BOOKS + "/resolve/" + info.path("sha").asText()
                + "/README.md", Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(onTheHub);
        assertThat(siblings.get("README.md").at("/lfs/sha256").asText()).isEqualTo(sha256(onTheHub));
        HttpResponse<byte[]> part = get("/hf/datasets/" + BOOKS + "/resolve/main/README.md",
                Map.of("Range", "bytes=0-9"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(onTheHub, 0, 10));

        List<String> files = new ArrayList<>();
        for (JsonNode item : JSON.readTree(get("/hf/api/datasets/" + BOOKS + "/tree/main?recursive=true",
                Map.of()).body())) {
            if (item.path("type").asText().equals("file")) {
                files.add(item.path("path").asText());
            }
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(siblings.keySet());
        JsonNode refs = JSON.readTree(get("/hf/api/datasets/" + BOOKS + "/refs", Map.of()).body());
        assertThat(refs.at("/branches/0/targetCommit").asText()).isEqualTo(info.path("sha").asText());
        assertThat(refs.at("/tags/0/name").asText()).isEqualTo("v1.0.0");
        assertThat(JSON.readTree(get("/hf/api/datasets/" + BOOKS + "/revision/v1.0.0", Map.of()).body())
                .path("sha").asText()).isEqualTo(info.path("sha").asText());
        assertThat(downloadsOf("file:README.md")).as("the GET and the range, not the HEAD").hasSize(2);
    }

    @Test
    void modelsAndDatasetsAreSeparateNamespacesWithTheHubsErrorCodes() throws Exception {
        ingest("https://huggingface.co/" + BERT);
        ingestDataset("https://huggingface.co/datasets/" + BOOKS);
        HttpResponse<byte[]> modelAsDataset = get("/hf/api/datasets/" + BERT, Map.of());
        assertThat(modelAsDataset.statusCode()).isEqualTo(404);
        assertThat(modelAsDataset.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
        assertThat(JSON.readTree(modelAsDataset.body()).path("error").asText()).contains("dataset", BERT);
        assertThat(get("/hf/api/models/" + BOOKS, Map.of()).headers().firstValue("X-Error-Code"))
                .hasValue("RepoNotFound");
        assertThat(get("/hf/datasets/" + BERT + "/resolve/main/config.json", Map.of()).headers()
                .firstValue("X-Error-Code")).hasValue("RepoNotFound");
        HttpResponse<byte[]> entry = get("/hf/datasets/" + BOOKS + "/resolve/main/no-such-file.parquet", Map.of());
        assertThat(entry.statusCode()).isEqualTo(404);
        assertThat(entry.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
        HttpResponse<byte[]> revision = get("/hf/api/datasets/" + BOOKS + "/revision/v9.9.9", Map.of());
        assertThat(revision.statusCode()).isEqualTo(404);
        assertThat(revision.headers().firstValue("X-Error-Code")).hasValue("RevisionNotFound");
        assertThat(get("/hf/datasets/" + BOOKS + "/resolve/v9.9.9/README.md", Map.of()).headers()
                .firstValue("X-Error-Code")).hasValue("RevisionNotFound");

        JsonNode datasets = JSON.readTree(get("/hf/api/datasets?search=book", Map.of()).body());
        assertThat(datasets).extracting(n -> n.path("id").asText()).containsExactly(BOOKS);
        assertThat(JSON.readTree(get("/hf/api/datasets", Map.of()).body())).extracting(n -> n.path("id").asText())
                .as("the dataset listing holds no model").containsExactly(BOOKS);
        assertThat(JSON.readTree(get("/hf/api/models?search=book", Map.of()).body()))
                .extracting(n -> n.path("id").asText()).as("bert's card names BookCorpus; the dataset is not a model")
                .containsExactly(BERT);
        assertThat(get("/hf/api/datasets?limit=0", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void aPrivateDatasetUploadAnswersToItsRegistryName() throws Exception {
        byte[] zip = io.modelregistry.command.upload.TestZips.zip(io.modelregistry.command.upload.TestZips.files(
                "README.md", "# Acme data", "train.csv", "x,y\n1,2\n"));
        HttpResponse<byte[]> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact/dataset/upload?name=acme-data")).timeout(Duration.ofSeconds(60))
                .header("X-Authorization", client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode info = JSON.readTree(get("/hf/api/datasets/acme-data", Map.of()).body());
        assertThat(info.path("id").asText()).isEqualTo("acme-data");
        assertThat(info.path("private").asBoolean()).isTrue();
        assertThat(get("/hf/datasets/acme-data/resolve/main/train.csv", Map.of()).body())
                .isEqualTo("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }

    private String ingest(String url) {
        var created = client.post("/artifact/model", ingestBody(url));
        assertThat(created.status()).isEqualTo(201);
        return json(created).at("/metadata/id").asText();
    }

    private void ingestDataset(String url) {
        assertThat(client.post("/artifact/dataset", ingestBody(url)).status()).isEqualTo(201);
    }

    private List<JsonNode> downloadsOf(String aspect) throws Exception {
        List<JsonNode> downloads = new ArrayList<>();
        long since = resetIndex();
        for (String payload : jdbc.query("SELECT payload FROM DomainEventEntry WHERE payloadType = ? AND globalIndex > ?"
                        + " ORDER BY globalIndex", (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8),
                ArtifactDownloaded.class.getName(), since)) {
            JsonNode download = JSON.readTree(payload);
            if (download.path("aspect").asText().equals(aspect)) {
                downloads.add(download);
            }
        }
        return downloads;
    }

    /** The log outlives resets: only this test's events, those after the last reset, count. */
    private long resetIndex() {
        Long index = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry WHERE payloadType LIKE ?",
                Long.class, "%RegistryReset%");
        return index == null ? -1 : index;
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", bearer)
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        validate(method, path, headers, response);
        return response;
    }

    private void validate(String method, String path, Map<String, String> headers, HttpResponse<byte[]> response) {
        String[] pathAndQuery = path.split("\\?", 2);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), pathAndQuery[0])
                .withHeader("Authorization", bearer);
        headers.forEach(request::withHeader);
        if (pathAndQuery.length > 1) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        String type = response.headers().firstValue("content-type").orElse("");
        if (type.startsWith("application/json") && response.body().length > 0) {
            answer.withContentType(type).withBody(new String(response.body(), StandardCharsets.UTF_8));
        }
        boolean json = type.startsWith("application/json");
        DOCUMENT.validate(request.build(), answer.build()).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                // file bytes are not handed to the validator, and a test sends bad input on purpose for a 4xx
                .filter(m -> json || !m.getKey().equals("validation.response.body.missing"))
                .filter(m -> response.statusCode() < 400 || !m.getKey().startsWith("validation.request"))
                .forEach(m -> violations.add(method + " " + path + " -> " + response.statusCode() + ": " + m.getKey()
                        + " " + m.getMessage()));
    }

    private static Map<String, JsonNode> siblings(JsonNode info) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        info.path("siblings").forEach(s -> byName.put(s.path("rfilename").asText(), s));
        return byName;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
