package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The part of the registry's API the workload uses, against a loopback server that answers as the test says. */
class RegistryApiTest {

    private static final String TOKEN = "bearer workload-token";
    private static final String TAKEN = "https://huggingface.co/acme/taken";

    private final List<String> tokensSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private HttpServer server;
    private String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/authenticate", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            logins.incrementAndGet();
            answer(exchange, body.contains("\"password\":\"right\"") ? 200 : 401,
                    body.contains("\"password\":\"right\"") ? "\"" + TOKEN + "\"" : "{\"message\":\"wrong\"}");
        });
        server.createContext("/artifact/model/upload", exchange -> {
            tokensSeen.add(exchange.getRequestHeaders().getFirst("X-Authorization"));
            String query = exchange.getRequestURI().getQuery();
            if (query.contains("name=refused")) {
                answer(exchange, 400, "{\"message\":\"no\"}");
            } else if (query.contains("name=linkless")) {
                answer(exchange, 201, "{\"metadata\":{\"id\":\"9\",\"name\":\"linkless\"},\"data\":{}}");
            } else if (query.contains("name=garbled")) {
                answer(exchange, 201, "<html>not json</html>");
            } else {
                answer(exchange, 201, artifact("5", "fresh", "https://example/fresh"));
            }
        });
        server.createContext("/artifact/model", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains(TAKEN)) {
                answer(exchange, 409, "{\"message\":\"registered already\"}");
            } else if (body.contains("/acme/new")) {
                answer(exchange, 201, artifact("6", "new", "https://huggingface.co/acme/new"));
            } else {
                answer(exchange, 502, "{\"message\":\"hub away\"}");
            }
        });
        server.createContext("/artifacts", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 200, "[{\"id\":\"7\"},{\"id\":\"8\"}]");
            } else if (exchange.getRequestURI().getPath().endsWith("/7")) {
                answer(exchange, 200, artifact("7", "taken", "https://huggingface.co/other/taken"));
            } else {
                answer(exchange, 200, artifact("8", "taken", TAKEN));
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aLoginAnswersTheTokenAndARefusedOneSaysWhatTheRegistryAnswered() {
        assertThat(RegistryApi.login(http, baseUrl, "admin", "right").freshToken()).isEqualTo(TOKEN);
        assertThatThrownBy(() -> RegistryApi.login(http, baseUrl, "admin", "wrong").freshToken())
                .isInstanceOf(WorkloadException.class).hasMessageContaining("401").hasMessageContaining("wrong");
    }

    @Test
    void anUploadAnswersTheModelWithItsLinkAndTheTokenIsFetchedOnceForManyCalls() {
        RegistryApi api = new RegistryApi(http, baseUrl + "/", RegistryApi.login(http, baseUrl, "admin", "right"));
        assertThat(api.baseUrl()).as("the trailing slash is dropped").isEqualTo(baseUrl);

        RegistryApi.Model first = api.upload("fresh", new byte[] {1, 2, 3});
        api.upload("fresh", new byte[] {1});

        assertThat(first).isEqualTo(new RegistryApi.Model("5", "fresh", "https://example/fresh"));
        assertThat(tokensSeen).containsExactly(TOKEN, TOKEN);
        assertThat(logins.get()).isEqualTo(1);
    }

    @Test
    void anUploadThatIsRefusedHasNoLinkOrIsNotJsonFailsNamingWhy() {
        RegistryApi api = new RegistryApi(http, baseUrl, () -> TOKEN);
        assertThatThrownBy(() -> api.upload("refused", new byte[1])).isInstanceOf(WorkloadException.class)
                .hasMessageContaining("upload of refused answered 400");
        assertThatThrownBy(() -> api.upload("linkless", new byte[1])).isInstanceOf(WorkloadException.class)
                .hasMessageContaining("no data.download_url");
        assertThatThrownBy(() -> api.upload("garbled", new byte[1])).isInstanceOf(WorkloadException.class)
                .hasMessageContaining("not JSON (201)");
    }

    @Test
    void anIngestAnswersTheNewModelOrForARegisteredSourceTheModelWithThatSource() {
        RegistryApi api = new RegistryApi(http, baseUrl, () -> TOKEN);

        RegistryApi.Ingested fresh = api.ingest("https://huggingface.co/acme/new");
        RegistryApi.Ingested taken = api.ingest(TAKEN);

        assertThat(fresh.alreadyRegistered()).isFalse();
        assertThat(fresh.model().id()).isEqualTo("6");
        assertThat(taken.alreadyRegistered()).isTrue();
        assertThat(taken.model().id()).as("the one of the same name whose source is the url").isEqualTo("8");
        assertThatThrownBy(() -> api.ingest("https://huggingface.co/acme/away"))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("answered 502");
    }

    @Test
    void aRegistryThatIsNotThereIsAWorkloadFailureNamingTheCall() {
        server.stop(0);
        RegistryApi api = new RegistryApi(http, baseUrl, () -> TOKEN);
        assertThatThrownBy(() -> api.upload("fresh", new byte[1])).isInstanceOf(WorkloadException.class)
                .hasMessageContaining("POST /artifact/model/upload failed");
    }

    private static String artifact(String id, String name, String url) {
        return "{\"metadata\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"model\"},"
                + "\"data\":{\"url\":\"" + url + "\",\"download_url\":\"" + url + "\"}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
