package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RawHttp;
import io.modelregistry.server.support.RegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the servlet container refuses on its own, before any filter or controller sees the request, leaves as the
 * registry's JSON error with a message and the security headers, and changes nothing. The requests go over a bare
 * socket: {@code HttpClient} refuses to send most of them.
 */
class ContainerErrorsTest extends InProcessRegistryTest {

    private RegistryClient client;
    private RawHttp raw;
    private ModelUploads.Uploaded model;

    @BeforeEach
    void oneModel() throws Exception {
        client = freshRegistry(exchange -> { });
        raw = new RawHttp(port, 10_000);
        model = ModelUploads.model(client, "acme-container", "# acme-container\n");
    }

    @Test
    void anEncodedSlashInThePathIsAJsonBadRequest() {
        assertRefusedAsJson(400, "DELETE /artifacts/model/" + model.id() + "%2f..%2fx HTTP/1.1");
    }

    @Test
    void anEncodedNulInThePathIsAJsonBadRequest() {
        assertRefusedAsJson(400, "DELETE /artifacts/model/" + model.id() + "%00 HTTP/1.1");
    }

    @Test
    void invalidUtf8InThePathIsAJsonBadRequest() {
        assertRefusedAsJson(400, "DELETE /artifacts/model/%FF%FE HTTP/1.1");
    }

    @Test
    void aDownloadPathThatClimbsOutIsAJsonBadRequest() {
        String path = java.net.URI.create(model.link()).getRawPath();
        assertRefusedAsJson(400, "GET " + path + "/../../../../etc/passwd HTTP/1.1");
        assertRefusedAsJson(400, "GET /download/../../reset HTTP/1.1");
    }

    @Test
    void aTenThousandCharacterIdIsAJsonBadRequest() {
        assertRefusedAsJson(400, "DELETE /artifacts/model/" + "9".repeat(10_000) + " HTTP/1.1");
    }

    @Test
    void aSixtyFourKibibyteHeaderIsAJsonBadRequest() {
        assertRefusedAsJson(400, "DELETE /artifacts/model/" + model.id() + " HTTP/1.1",
                Map.of("X-Authorization", client.token(), "X-Padding", "p".repeat(64 * 1024)), null);
    }

    @Test
    void aNulInTheTokenIsAJsonBadRequest() {
        assertRefusedAsJson(400, "DELETE /artifacts/model/" + model.id() + " HTTP/1.1",
                Map.of("X-Authorization", client.token() + "\0x"), null);
    }

    @Test
    void traceIsAJsonMethodNotAllowed() {
        RawHttp.Answer answer = assertRefusedAsJson(405, "TRACE /artifacts/model/" + model.id() + " HTTP/1.1",
                Map.of("X-Authorization", client.token()), null);
        assertThat(answer.text()).as("a TRACE must never echo the token back").doesNotContain(client.token());
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLargeAsADeclaredOneIs() {
        byte[] body = ("[{\"name\":\"" + "a".repeat(1_153_434) + "\"}]").getBytes(StandardCharsets.UTF_8);
        assertRefusedAsJson(413, "POST /artifacts HTTP/1.1",
                Map.of("X-Authorization", client.token(), "Content-Type", "application/json",
                        "Transfer-Encoding", "chunked"), RawHttp.chunked(body));
        assertRefusedAsJson(413, "POST /artifacts HTTP/1.1",
                Map.of("X-Authorization", client.token(), "Content-Type", "application/json",
                        "Content-Length", Integer.toString(body.length)), body);
    }

    private RawHttp.Answer assertRefusedAsJson(int status, String requestLine) {
        return assertRefusedAsJson(status, requestLine, Map.of("X-Authorization", client.token()), null);
    }

    private RawHttp.Answer assertRefusedAsJson(int status, String requestLine, Map<String, String> headers,
            byte[] body) {
        String before = fingerprint();
        RawHttp.Answer answer = raw.send(requestLine, headers, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.text()).startsWith("application/json");
        var json = RegistryClient.json(new HttpExchange("RAW", "/", null, null, null, answer.status(),
                java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), answer.body()));
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("message").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(fingerprint()).as("a refused request changes nothing").isEqualTo(before);
        return answer;
    }

    /** The artifacts there are and the model's own record: what a refused delete or write would have changed. */
    private String fingerprint() {
        HttpExchange all = client.post("/artifacts", "[{\"name\":\"*\"}]");
        HttpExchange one = client.get("/artifacts/model/" + model.id());
        assertThat(one.status()).isEqualTo(200);
        // the signed download link is issued afresh (new expiry, new signature) on every read: not state
        var record = RegistryClient.json(one);
        return all.status() + all.text() + record.get("metadata") + record.at("/data/url");
    }
}
