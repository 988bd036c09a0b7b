package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.fakehub.RecordingProxySelector;
import io.modelregistry.fakehub.TricklingBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubClientTest {

    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final RecordingProxySelector proxies = new RecordingProxySelector();
    private HubClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new HubClient(HubClient.newHttpClient(proxies), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        switch (path) {
            case "/hub/redirect-in" -> redirect(exchange, "/hub/target?x=1");
            case "/hub/redirect-out" -> redirect(exchange, "http://localhost:" + server.getAddress().getPort() + "/hub/target");
            case "/hub/redirect-above" -> redirect(exchange, "/elsewhere/target");
            case "/hub/redirect-dotdot" -> redirect(exchange, "/hub/../elsewhere/target");
            case "/hub/loop" -> redirect(exchange, "/hub/loop");
            case "/hub/target" -> reply(exchange, 200, "target " + exchange.getRequestURI().getQuery());
            case "/hub/big" -> reply(exchange, 200, "x".repeat(10_000));
            case "/hub/exact" -> reply(exchange, 200, "y".repeat(1000));
            case "/hub/auth" -> reply(exchange, 200, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            case "/hub/trickle" -> TricklingBody.send(exchange, 40, Duration.ofMillis(100));
            default -> reply(exchange, 404, "nope");
        }
    }

    @Test
    void aBodyThatTricklesInIsCutOffOneRequestTimeoutAfterItsHeaders() {
        HubClient impatient = new HubClient(HubClient.newHttpClient(proxies), Duration.ofMillis(500));
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.get(HubEndpoint.of("Hub", base + "/hub", null), "/trickle", "*/*", 1000))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UPSTREAM_UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(307, -1);
        exchange.close();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private HubResponse get(HubEndpoint endpoint, String path, int max) {
        return client.get(endpoint, path, "*/*", max);
    }

    private HubEndpoint hub() {
        return HubEndpoint.of("Hub", base + "/hub/", null);
    }

    @Test
    void followsRedirectsThatStayBelowTheEndpoint() {
        HubResponse response = get(hub(), "/redirect-in", 1000);
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("target x=1");
        assertThat(response.uri().getPath()).isEqualTo("/hub/target");
    }

    @Test
    void doesNotFollowRedirectsLeavingTheEndpoint() {
        for (String path : new String[] {"/redirect-out", "/redirect-above", "/redirect-dotdot"}) {
            assertThat(get(hub(), path, 1000).status()).as(path).isEqualTo(307);
        }
        assertThat(hits).doesNotContainKeys("/hub/target", "/elsewhere/target");
        assertThat(proxies.requested).allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
    }

    @Test
    void stopsAfterThreeRedirects() {
        assertThat(get(hub(), "/loop", 1000).status()).isEqualTo(307);
        assertThat(hits.get("/hub/loop")).hasValue(1 + HubClient.MAX_REDIRECTS);
    }

    @Test
    void boundsTheBody() {
        HubResponse big = get(hub(), "/big", 1000);
        assertThat(big.truncated()).isTrue();
        assertThat(big.body()).hasSize(1000);
        HubResponse exact = get(hub(), "/exact", 1000);
        assertThat(exact.truncated()).isFalse();
        assertThat(exact.body()).hasSize(1000);
    }

    @Test
    void sendsTheTokenAsBearerButNeverPrintsIt() {
        HubEndpoint withToken = HubEndpoint.of("Hub", base + "/hub", "s3cret-token");
        assertThat(new String(get(withToken, "/auth", 1000).body(), StandardCharsets.UTF_8)).isEqualTo("Bearer s3cret-token");
        assertThat(new String(get(hub(), "/auth", 1000).body(), StandardCharsets.UTF_8)).isEqualTo("null");
        assertThat(withToken.toString()).doesNotContain("s3cret").contains("token set");
    }

    @Test
    void endpointContainmentIsStrict() {
        HubEndpoint hub = HubEndpoint.of("Hub", "https://hub.example/api/", null);
        assertThat(hub.contains(URI.create("https://hub.example/api/models/x"))).isTrue();
        assertThat(hub.contains(URI.create("https://hub.example:443/api"))).isTrue();
        assertThat(hub.contains(URI.create("https://HUB.example/api/x"))).isTrue();
        assertThat(hub.contains(URI.create("https://hub.example/apix/models"))).isFalse();
        assertThat(hub.contains(URI.create("https://hub.example/other"))).isFalse();
        assertThat(hub.contains(URI.create("http://hub.example/api/x"))).isFalse();
        assertThat(hub.contains(URI.create("https://hub.example:8443/api/x"))).isFalse();
        assertThat(hub.contains(URI.create("https://evil.example/api/x"))).isFalse();
        assertThat(hub.contains(URI.create("https://user@hub.example/api/x"))).isFalse();
        assertThat(hub.contains(URI.create("https://hub.example/api/../admin"))).isFalse();
    }

    @Test
    void endpointsMustBePlainHttpUrls() {
        for (String bad : new String[] {"ftp://hub.example", "hub.example", "https://u:p@hub.example", "https://hub.example/?q=1"}) {
            assertThatThrownBy(() -> HubEndpoint.of("Hub", bad, null)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
