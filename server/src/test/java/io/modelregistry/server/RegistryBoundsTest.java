package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's bounds, each set small enough that a handful of requests reaches it (one context for all of
 * them): what passes a bound is refused with its own message and changes nothing, and what stays within it answers.
 * Also the fail-closed check of an endpoint that declares no permission, through a handler only this context has.
 */
@SpringBootTest(classes = {RegistryServer.class, RegistryBoundsTest.UndeclaredEndpoint.class,
        RegistryBoundsTest.ShiftableClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryBoundsTest extends InProcessRegistryTest {

    /** The smallest window the registry accepts (its smallest page). */
    private static final int RESULT_WINDOW = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void smallBounds(DynamicPropertyRegistry registry) {
        registry.add("registry.search.max-result-window", () -> Integer.toString(RESULT_WINDOW));
        registry.add("registry.search.page-size", () -> Integer.toString(RESULT_WINDOW));
        // a body that stops arriving is given up after this long; an idle connection between requests is kept
        registry.add("server.tomcat.connection-timeout", () -> "1s");
        registry.add("server.tomcat.keep-alive-timeout", () -> "30s");
        registry.add("registry.search.regex-budget", () -> "PT0.000000001S");
        registry.add("registry.groups.max-commands", () -> "1");
        registry.add("registry.time-travel.max-events", () -> "2");
        // one password hash at a time, and a login waits a millisecond for its turn (a hash takes tens)
        registry.add("registry.auth.max-concurrent-hashes", () -> "1");
        registry.add("registry.auth.hash-wait", () -> "PT0.001S");
        // above a test model's zip (200 KB of weights), below the upload that is refused
        registry.add("registry.upload.max-upload-bytes", () -> "256KB");
    }

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void aListingThatMatchesMoreArtifactsThanTheResultWindowIsRefusedAndANarrowerOneAnswers() throws Exception {
        String first = null;
        for (int i = 0; i <= RESULT_WINDOW; i++) {
            String id = ModelUploads.dataset(client, "bounds-data-" + i).id();
            first = first == null ? id : first;
        }

        HttpExchange all = client.post("/artifacts", "[{\"name\": \"*\"}]");
        assertThat(all.status()).as(all.text()).isEqualTo(413);
        assertThat(json(all).path("message").asText())
                .matches(asPattern(ErrorMessage.ARTIFACT_QUERY_MATCHES_ARTIFACTS_MOST))
                .contains("matches " + (RESULT_WINDOW + 1) + " artifacts");

        HttpExchange one = client.post("/artifacts", "[{\"name\": \"bounds-data-0\"}]");
        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(json(one).findValuesAsText("id")).containsExactly(first);
    }

    @Test
    void aBodyThatStopsArrivingIsARequestTimeoutAndRegistersNothing() throws Exception {
        String before = client.post("/artifacts", "[{\"name\": \"*\"}]").text();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /artifact/model HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Authorization: " + client.token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"url\": \"https://hugg")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the rest never comes: the container gives up after its connection timeout
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer).startsWith("HTTP/1.1 408").contains("application/json");
            String body = answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1);
            assertThat(new ObjectMapper().readTree(body).path("message").asText()).as(answer)
                    .matches(asPattern(ErrorMessage.CONTAINER_REQUEST_TIMEOUT));
        }
        assertThat(client.post("/artifacts", "[{\"name\": \"*\"}]").text()).as("nothing registered")
                .isEqualTo(before);
    }

    @Test
    void aRegexSearchThatRunsPastItsTimeBudgetIsRefusedAsTooExpensive() throws Exception {
        String id = ModelUploads.dataset(client, "bounds-regex").id();

        HttpExchange search = client.post("/artifact/byRegEx", "{\"regex\": \"bounds\"}");
        assertThat(search.status()).as(search.text()).isEqualTo(400);
        assertThat(json(search).path("message").asText())
                .matches(asPattern(ErrorMessage.SEARCH_REGULAR_EXPRESSION_TOO_EXPENSIVE));
        assertThat(client.get("/artifacts/dataset/" + id).status()).as("the dataset is still there").isEqualTo(200);
    }

    @Test
    void aTransactionTakesNoMoreCommandsThanItsBoundAndKeepsTheOnesItHolds() throws Exception {
        String kept = ModelUploads.model(client, "bounds-kept", "# bounds-kept\n").id();
        String other = ModelUploads.model(client, "bounds-other", "# bounds-other\n").id();
        String tx = begin();
        assertThat(stageDelete(tx, kept).status()).isEqualTo(201);

        HttpExchange second = stageDelete(tx, other);
        assertThat(second.status()).as(second.text()).isEqualTo(400);
        assertThat(json(second).path("message").asText())
                .matches(asPattern(ErrorMessage.GROUP_TRANSACTION_HOLDS_MOST_COMMANDS)).contains("at most 1 commands");
        assertThat(json(client.get("/transactions/" + tx)).path("commands").findValuesAsText("id"))
                .containsExactly(kept);
        assertThat(client.get("/artifacts/model/" + other).status()).isEqualTo(200);
    }

    @Test
    void aTransactionExecutedAfterItExpiredIsRefusedAndNoneOfItsCommandsTakesEffect() throws Exception {
        String model = ModelUploads.model(client, "bounds-expiring", "# bounds-expiring\n").id();
        String tx = begin();
        assertThat(stageDelete(tx, model).status()).isEqualTo(201);
        Instant expiresAt = Instant.parse(json(client.get("/transactions/" + tx)).path("expires_at").asText());
        // the registry's clock, not this test, waits out the transaction's 15 minutes
        ShiftableClock.moveTo(expiresAt.plusSeconds(1));

        HttpExchange executed = client.post("/transactions/" + tx + "/execute", "");
        assertThat(executed.status()).as(executed.text()).isEqualTo(409);
        assertThat(json(executed).path("message").asText())
                .matches(asPattern(ErrorMessage.GROUP_TRANSACTION_EXPIRED_WITHOUT_BEING)).contains(tx);
        assertThat(client.get("/artifacts/model/" + model).status()).as("the delete did not happen").isEqualTo(200);
        assertThat(json(client.get("/transactions/" + tx)).path("status").asText()).isEqualTo("expired");
    }

    @Test
    void anAsOfReadThatWouldReplayMoreEventsThanTheBoundIsRefusedAndTheLiveReadAnswers() throws Exception {
        String id = ModelUploads.dataset(client, "bounds-past").id();

        HttpExchange past = client.get("/artifacts/dataset/" + id, "as_of=" + Instant.now());
        assertThat(past.status()).as(past.text()).isEqualTo(413);
        assertThat(json(past).path("message").asText())
                .matches(asPattern(ErrorMessage.TIMETRAVEL_READING_WOULD_REPLAY_MORE)).contains("more than 2 events");
        assertThat(client.get("/artifacts/dataset/" + id).status()).isEqualTo(200);
    }

    @Test
    void aMultipartUploadLargerThanTheUploadBoundIsRefusedAsItArrivesAndRegistersNothing() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--edge\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[600 * 1024]);
        body.writeBytes("\r\n--edge--\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        // no Content-Length (chunked): only the container, counting as the body arrives, can tell its size
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact/model/upload?name=bounds-large&version=1.0.0")).timeout(Duration.ofSeconds(60))
                .header("X-Authorization", client.token()).header("Content-Type", "multipart/form-data; boundary=edge")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).as(text).isEqualTo(413);
        assertThat(RegistryClient.json(new HttpExchange("POST", "/artifact/model/upload", null, null, null,
                answer.statusCode(), answer.headers(), answer.body())).path("message").asText())
                .matches(asPattern(ErrorMessage.REQUEST_UPLOAD_TOO_LARGE));
        assertThat(client.get("/artifact/byName/bounds-large").status()).as("nothing registered").isEqualTo(404);
    }

    @Test
    void loginsBeyondTheHashesThatMayRunAtOnceAreAskedToRetryAndTheOthersLogIn() throws Exception {
        String body = "{\"user\": {\"name\": \"" + RegistryClient.ADMIN + "\", \"is_admin\": true}, \"secret\": "
                + "{\"password\": " + new ObjectMapper().writeValueAsString(RegistryClient.ADMIN_PASSWORD) + "}}";
        HttpRequest login = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/authenticate"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logins.add(HTTP.sendAsync(login, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : logins) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).contains(200, 429)
                .allSatisfy(status -> assertThat(status).isIn(200, 429));
        for (var refused : answers.stream().filter(a -> a.statusCode() == 429).toList()) {
            assertThat(new ObjectMapper().readTree(refused.body()).path("message").asText())
                    .matches(asPattern(ErrorMessage.AUTH_TOO_MANY_LOGINS_BEING));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        }
        assertThat(new RegistryClient(client.baseUrl(), exchange -> { }).loginAsAdmin().status())
                .as("a login on its own still succeeds").isEqualTo(200);
    }

    @Test
    void anEndpointThatDeclaresNoPermissionIsRefusedBeforeItsHandlerRuns() {
        int callsBefore = UndeclaredEndpoint.CALLS.get();

        HttpExchange answer = client.get("/bounds-test/undeclared");
        assertThat(answer.status()).as(answer.text()).isEqualTo(401);
        assertThat(json(answer).path("message").asText())
                .matches(asPattern(ErrorMessage.SECURITY_ENDPOINT_DECLARES_PERMISSION_SO));
        assertThat(UndeclaredEndpoint.CALLS.get()).as("the handler never ran").isEqualTo(callsBefore);
    }

    private String begin() {
        HttpExchange begun = client.post("/transactions", "");
        assertThat(begun.status()).as(begun.text()).isEqualTo(201);
        return json(begun).path("id").asText();
    }

    private HttpExchange stageDelete(String tx, String id) {
        return client.post("/transactions/" + tx + "/commands",
                "{\"command\": \"delete\", \"type\": \"model\", \"id\": \"" + id + "\"}");
    }

    /**
     * The registry's clock, which a test moves forward (never back) instead of sleeping; every other test in this
     * context sees a clock that runs on from wherever it was moved.
     */
    @Configuration(proxyBeanMethods = false)
    static class ShiftableClock {

        private static final AtomicReference<Duration> SHIFT = new AtomicReference<>(Duration.ZERO);

        static void moveTo(Instant moment) {
            Duration needed = Duration.between(Instant.now(), moment);
            SHIFT.accumulateAndGet(needed, (now, wanted) -> wanted.compareTo(now) > 0 ? wanted : now);
        }

        @Bean
        @Primary
        Clock shiftedClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.now().plus(SHIFT.get());
                }
            };
        }
    }

    /** A handler that forgot its {@code @Requires}: the permission check must refuse it, whoever calls. */
    @RestController
    static class UndeclaredEndpoint {

        static final AtomicInteger CALLS = new AtomicInteger();

        @GetMapping(path = "/bounds-test/undeclared", produces = "application/json")
        String undeclared() {
            CALLS.incrementAndGet();
            return "{}";
        }
    }
}
