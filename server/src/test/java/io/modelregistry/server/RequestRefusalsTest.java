package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import io.modelregistry.server.support.ModelUploads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed reads and queries, each answered with its own catalogue entry and status (with the administrator's
 * token, so the refusal is the request's, not the caller's). One registry for all: a refusal changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestRefusalsTest extends InProcessRegistryTest {

    private static final String USER = "refusals-reader";
    private static final String PASSWORD = "a-long-enough-password-1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryClient client;
    private RegistryClient user;

    @BeforeAll
    void oneRegistryAndOneUser() {
        client = freshRegistry(exchange -> { });
        assertThat(client.post("/users", "{\"user\": {\"name\": \"" + USER + "\", \"is_admin\": false},"
                + " \"secret\": {\"password\": \"" + PASSWORD + "\"}, \"permissions\": [\"search\"]}").status())
                .isEqualTo(201);
        user = new RegistryClient(client.baseUrl(), exchange -> { });
        assertThat(user.login(USER, PASSWORD).status()).isEqualTo(200);
    }

    Stream<Arguments> refused() {
        return Stream.of(
                arguments("GET", "/health/logs", "q=" + "a".repeat(201), null, 400, ErrorMessage.HEALTH_Q_MUST_MOST_CHARACTERS),
                arguments("GET", "/downloads/history", "user=", null, 400, ErrorMessage.DOWNLOADS_USER_MUST_USER_NAME),
                arguments("GET", "/downloads/history", "before=not-a-cursor", null, 400, ErrorMessage.DOWNLOADS_BEFORE_MUST_NEXT_CURSOR),
                arguments("GET", "/artifacts/model/1234/card", "version=%20", null, 400, ErrorMessage.CARD_VERSION_MUST_SEMANTIC_VERSION),
                arguments("GET", "/artifact/byName/*", null, null, 400, ErrorMessage.ARTIFACT_RESERVED_USE_POST_ARTIFACTS),
                arguments("POST", "/artifacts", null, "[{\"name\": \"*\", \"version\": 1}]", 400, ErrorMessage.ARTIFACT_VERSION_MUST_STRING_EXACT),
                arguments("POST", "/artifacts", null, "[1]", 400, ErrorMessage.ARTIFACT_EACH_ARTIFACT_QUERY_MUST),
                arguments("POST", "/artifacts", null, "[{\"name\": \"\"}]", 400, ErrorMessage.ARTIFACT_EACH_ARTIFACT_QUERY_NEEDS),
                arguments("POST", "/artifact/model", null, "{\"url\": \"   \"}", 400, ErrorMessage.ARTIFACT_FIELD_MUST_EMPTY),
                // 1000 copies (the bound) of a 20-character run: 20,000 instructions, twice what a search may run
                arguments("POST", "/artifact/byRegEx", null, "{\"regex\": \"(?:abcdefghijklmnopqrst){1000}\"}", 400,
                        ErrorMessage.SEARCH_INVALID_REGULAR_EXPRESSION_TOO),
                arguments("POST", "/artifacts", null, "[{\"name\": \"*\", \"types\": \"model\"}]", 400, ErrorMessage.ARTIFACT_TYPES_MUST_ARRAY_MODEL),
                arguments("POST", "/artifacts/summaries", null, "{\"ids\": [1]}", 400, ErrorMessage.ARTIFACT_EVERY_ID_MUST_STRING),
                arguments("GET", "/artifacts/model/1234", "as_of=", null, 400, ErrorMessage.TIMETRAVEL_MUST_ISO_8601_INSTANT),
                arguments("GET", "/no-such-endpoint", null, null, 404, ErrorMessage.REQUEST_NO_SUCH_ENDPOINT),
                arguments("PATCH", "/artifacts/model/1234", null, "{}", 405, ErrorMessage.REQUEST_METHOD_NOT_ALLOWED),
                // the HuggingFace-compatible routes answer in the Hub's shape: the text is in "error"
                arguments("GET", "/hf/api/models/", null, null, 404, ErrorMessage.HF_REPOSITORY_FOUND_GIVE_REPO),
                arguments("GET", "/hf/api/models/org/name/discussions", null, null, 404, ErrorMessage.HF_REPOSITORY_FOUND_ROUTE_REGISTRY));
    }

    @ParameterizedTest(name = "a user who is not an administrator: {0} {1} {5}")
    @MethodSource("refusedToAUser")
    void aRequestOnlyAnAdministratorMayMakeIsRefusedToAUserWithItsOwnMessage(String method, String path, String query,
                                                                           String body, int status,
                                                                           ErrorMessage expected) {
        var answer = user.send(method, path, query, body, true);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(json(answer).path("message").asText()).matches(asPattern(expected));
    }

    @Test
    void aTransactionRefusesASecondCommandForTheSameArtifact() throws Exception {
        var model = ModelUploads.model(client, "refusals-grouped", "# refusals-grouped\n");
        var begun = client.post("/transactions", "");
        assertThat(begun.status()).as(begun.text()).isEqualTo(201);
        String tx = json(begun).path("id").asText();
        String delete = "{\"command\": \"delete\", \"type\": \"model\", \"id\": \"" + model.id() + "\"}";
        var first = client.post("/transactions/" + tx + "/commands", delete);
        assertThat(first.status()).as(first.text()).isBetween(200, 201);
        var second = client.post("/transactions/" + tx + "/commands", delete);
        assertThat(second.status()).as(second.text()).isEqualTo(409);
        assertThat(json(second).path("message").asText())
                .matches(asPattern(ErrorMessage.GROUP_TRANSACTION_ALREADY_COMMAND_ARTIFACT));
    }

    @Test
    void aReadAskingForHtmlIsNotAcceptableAnsweredInJson() throws Exception {
        var model = ModelUploads.model(client, "refusals-html", "# refusals-html\n");
        var answer = raw("GET", "/artifacts/model/" + model.id(), "text/html", null, null);
        assertThat(answer.statusCode()).as(text(answer)).isEqualTo(406);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(answer.body()).path("message").asText())
                .matches(asPattern(ErrorMessage.REQUEST_NOT_ACCEPTABLE));
        assertThat(client.get("/artifacts/model/" + model.id()).status()).as("the same read in JSON answers")
                .isEqualTo(200);
    }

    @Test
    void aMultipartUploadThatCannotBeParsedIsABadRequestAndRegistersNothing() throws Exception {
        String before = listing();
        byte[] cutShort = ("--edge\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\nPK\u0003\u0004 and no closing boundary")
                .getBytes(StandardCharsets.UTF_8);
        var answer = raw("POST", "/artifact/model/upload?name=refusals-cut&version=1.0.0", null,
                "multipart/form-data; boundary=edge", cutShort);
        assertThat(answer.statusCode()).as(text(answer)).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("message").asText())
                .matches(asPattern(ErrorMessage.REQUEST_MULTIPART_UNREADABLE));
        assertThat(listing()).as("nothing registered").isEqualTo(before);
    }

    @Test
    void theLineageOfAModelWithNeitherConfigNorCardMetadataIsABadRequestSayingWhy() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.md", "# refusals-bare\nNo front matter here.\n".getBytes(StandardCharsets.UTF_8));
        files.put("config.json", "not json at all".getBytes(StandardCharsets.UTF_8));
        files.put("model.safetensors", new byte[1024]);
        var model = ModelUploads.model(client, "refusals-bare", files);
        var answer = client.get("/artifact/model/" + model.id() + "/lineage");
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(json(answer).path("message").asText())
                .matches(asPattern(ErrorMessage.LINEAGE_LINEAGE_MODEL_CANNOT_COMPUTED)).contains(model.id());
        var wellFormed = ModelUploads.model(client, "refusals-configured", "# refusals-configured\n");
        assertThat(client.get("/artifact/model/" + wellFormed.id() + "/lineage").status())
                .as("a model whose config.json parses has a lineage").isEqualTo(200);
    }

    private HttpResponse<byte[]> raw(String method, String pathAndQuery, String accept, String contentType,
                                     byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(client.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("X-Authorization", client.token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    Stream<Arguments> refusedToAUser() {
        return Stream.of(arguments("GET", "/downloads/history", "user=" + RegistryClient.ADMIN, null, 401,
                ErrorMessage.DOWNLOADS_ADMINISTRATOR_MAY_READ_OTHER));
    }

    @ParameterizedTest(name = "{0} {1} {5}")
    @MethodSource("refused")
    void aMalformedRequestIsAnsweredWithItsOwnMessage(String method, String path, String query, String body,
                                                       int status, ErrorMessage expected) {
        String before = listing();
        var answer = client.send(method, path, query, body, true);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        String field = path.startsWith("/hf/") ? "error" : "message";
        assertThat(json(answer).path(field).asText()).matches(asPattern(expected));
        assertThat(listing()).as("a refused request changes nothing").isEqualTo(before);
    }

    /** Every artifact there is: what a refused write would have changed. */
    private String listing() {
        var all = client.post("/artifacts", "[{\"name\": \"*\"}]");
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        return all.text();
    }
}
