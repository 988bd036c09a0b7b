package io.modelregistry.query.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.fakehub.TricklingBody;
import io.modelregistry.licence.CompatibilityEngine;
import io.modelregistry.licence.LicenceCatalogue;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The licence check end to end against a stub GitHub API on 127.0.0.1: 200, 404, 400 and 502 paths. */
class LicenceCheckTest {

    private static final String BERT = "111111111111111111";
    private static final String NC_MODEL = "222222222222222222";

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer github;
    private ExecutorService executor;
    private ArtifactDirectory directory;
    private LicenceCheck check;

    @BeforeEach
    void startStubGitHub() throws IOException {
        github = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        github.setExecutor(executor);
        github.createContext("/", this::answer);
        github.start();
        directory = mock(ArtifactDirectory.class);
        when(directory.find(any(ArtifactType.class), anyString())).thenReturn(Optional.empty());
        model(BERT, "bert-base-uncased", "apache-2.0");
        model(NC_MODEL, "nc-model", "cc-by-nc-4.0");
        check = checkAgainst("http://127.0.0.1:" + github.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        github.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requested.add(path + " " + exchange.getRequestHeaders().getFirst("Accept"));
        switch (path) {
            case "/repos/google-research/bert" -> send(exchange, 200, repo("google-research/bert", "apache-2.0", "Apache-2.0"));
            case "/repos/acme/gpl2" -> send(exchange, 200, repo("acme/gpl2", "gpl-2.0", "GPL-2.0"));
            case "/repos/acme/other" -> send(exchange, 200, repo("acme/other", "other", "NOASSERTION"));
            case "/repos/acme/unlicensed" -> send(exchange, 200, "{\"full_name\": \"acme/unlicensed\", \"license\": null}");
            case "/repos/acme/broken" -> send(exchange, 503, "{\"message\": \"unavailable\"}");
            case "/repos/acme/ratelimited" -> send(exchange, 403, "{\"message\": \"API rate limit exceeded\"}");
            case "/repos/acme/garbage" -> send(exchange, 200, "<html>not json</html>");
            case "/repos/acme/huge" -> send(exchange, 200, "{\"pad\": \"" + "x".repeat(GitHubLicences.MAX_RESPONSE_BYTES) + "\"}");
            case "/repos/acme/slow" -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, repo("acme/slow", "mit", "MIT"));
            }
            case "/repos/acme/trickle" -> TricklingBody.send(exchange, 50, Duration.ofMillis(100));
            default -> send(exchange, 404, "{\"message\": \"Not Found\"}");
        }
    }

    @Test
    void bertWithGoogleResearchBertIsCompatible() {
        assertThat(check.explain(BERT, body("https://github.com/google-research/bert")).compatible()).isTrue();
        // the registry asked the configured API about owner/repo, not the host the user wrote
        assertThat(requested).containsExactly("/repos/google-research/bert application/vnd.github+json");
    }

    @Test
    void apacheModelInAGpl2ProjectIsNotCompatibleAndTheExplanationSaysWhy() {
        LicenceExplanation explanation = check.explain(BERT, body("https://github.com/acme/gpl2"));
        assertThat(explanation.compatible()).isFalse();
        assertThat(explanation.model_licence().id()).isEqualTo("Apache-2.0");
        assertThat(explanation.model_licence().declared()).isEqualTo("apache-2.0");
        assertThat(explanation.project_licence().id()).isEqualTo("GPL-2.0");
        assertThat(explanation.project_licence().subject()).isEqualTo("GitHub repository acme/gpl2");
        assertThat(explanation.reasons()).anySatisfy(r -> assertThat(r.text()).contains("GPL-2.0 §6"));
        JsonNode wire = json.valueToTree(explanation);
        assertThat(wire.has("model_licence")).isTrue();
        assertThat(wire.has("project_licence")).isTrue();
        assertThat(wire.get("reasons").get(0).has("verdict")).isTrue();
    }

    @Test
    void unlicensedAndUnrecognisedProjects() {
        assertThat(check.explain(NC_MODEL, body("https://github.com/acme/unlicensed")).project_licence().id()).isEqualTo("none");
        assertThat(check.explain(BERT, body("https://github.com/acme/unlicensed")).compatible()).isTrue();
        assertThat(check.explain(BERT, body("https://github.com/acme/other")).compatible()).isFalse();
        assertThat(check.explain(NC_MODEL, body("https://github.com/google-research/bert")).compatible()).isFalse();
    }

    @Test
    void unknownRepositoryOrModelIs404() {
        assertKind(() -> check.explain(BERT, body("https://github.com/acme/missing")), Kind.NOT_FOUND);
        assertKind(() -> check.explain("999999999999999999", body("https://github.com/google-research/bert")), Kind.NOT_FOUND);
    }

    @Test
    void malformedRequestsAre400BeforeAnythingIsFetched() {
        assertKind(() -> check.explain(BERT, null), Kind.BAD_REQUEST);
        assertKind(() -> check.explain(BERT, json.createArrayNode()), Kind.BAD_REQUEST);
        assertKind(() -> check.explain(BERT, json.createObjectNode()), Kind.BAD_REQUEST);
        assertKind(() -> check.explain(BERT, json.createObjectNode().put("github_url", 42)), Kind.BAD_REQUEST);
        assertKind(() -> check.explain(BERT, body("https://gitlab.com/acme/gpl2")), Kind.BAD_REQUEST);
        assertKind(() -> check.explain(BERT, body("http://127.0.0.1:" + github.getAddress().getPort() + "/repos/acme/gpl2")),
                Kind.BAD_REQUEST);
        // a bad body is refused even for an unknown model: validation comes first
        assertKind(() -> check.explain("999999999999999999", body("not a url")), Kind.BAD_REQUEST);
        assertThat(requested).isEmpty();
    }

    @Test
    void gitHubFailuresAre502() {
        assertKind(() -> check.explain(BERT, body("https://github.com/acme/broken")), Kind.UPSTREAM_UNAVAILABLE);
        assertKind(() -> check.explain(BERT, body("https://github.com/acme/ratelimited")), Kind.UPSTREAM_UNAVAILABLE);
        assertKind(() -> check.explain(BERT, body("https://github.com/acme/garbage")), Kind.UPSTREAM_UNAVAILABLE);
        assertKind(() -> check.explain(BERT, body("https://github.com/acme/huge")), Kind.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void slowGitHubTimesOutAs502() {
        long start = System.nanoTime();
        assertKind(() -> check.explain(BERT, body("https://github.com/acme/slow")), Kind.UPSTREAM_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aBodyThatTricklesInIsCutOffAtTheRequestTimeoutAs502() {
        // headers at once, then a byte every 100 ms: the whole exchange, body included, is bounded
        long start = System.nanoTime();
        assertKind(() -> check.explain(BERT, body("https://github.com/acme/trickle")), Kind.UPSTREAM_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void unreachableGitHubIs502() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LicenceCheck offline = checkAgainst("http://127.0.0.1:" + closedPort);
        assertKind(() -> offline.explain(BERT, body("https://github.com/google-research/bert")), Kind.UPSTREAM_UNAVAILABLE);
    }

    private LicenceCheck checkAgainst(String apiUrl) {
        return new LicenceCheck(directory, new GitHubLicences(apiUrl, "", Duration.ofSeconds(2), Duration.ofMillis(700)),
                LicenceCatalogue.standard(), new CompatibilityEngine());
    }

    private void model(String id, String name, String licence) {
        ArtifactRecord record = new ArtifactRecord(id, ArtifactType.MODEL, name, "https://huggingface.co/x/" + name,
                "HUGGINGFACE_MODEL", "x/" + name, "c".repeat(64), 1, 1, licence, null, "admin", Instant.EPOCH, Instant.EPOCH);
        when(directory.find(ArtifactType.MODEL, id)).thenReturn(Optional.of(record));
    }

    private JsonNode body(String url) {
        return json.createObjectNode().put("github_url", url);
    }

    private static String repo(String fullName, String key, String spdx) {
        return "{\"full_name\": \"" + fullName + "\", \"license\": {\"key\": \"" + key + "\", \"name\": \"" + key
                + "\", \"spdx_id\": \"" + spdx + "\"}}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOf(RegistryException.class)
                .extracting(e -> ((RegistryException) e).kind()).isEqualTo(kind);
    }
}
