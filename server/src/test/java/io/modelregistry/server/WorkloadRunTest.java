package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's workload end to end: an administrator starts a small run through {@code POST /workload/runs}, it
 * seeds models by upload, ingests Tiny-LLM from the fake hub (real size) and downloads it concurrently, in full and
 * as the weights aspect, through the public API; the result counts every download, all of them the identical bytes.
 * Only administrators may start or read runs, and only one runs at a time. Every answer matches the extension
 * document.
 */
class WorkloadRunTest extends InProcessRegistryTest {

    private static final OpenApiInteractionValidator EXTENSIONS = OpenApiInteractionValidator.createForSpecificationUrl(
            WorkloadRunTest.class.getClassLoader().getResource("openapi/registry-extensions.yaml").toString()).build();

    private final List<String> violations = new ArrayList<>();
    private RegistryClient admin;

    @BeforeEach
    void resetRegistry() {
        admin = freshRegistry(this::validate);
    }

    @Test
    void aSmallRunSeedsTheModelsAndEveryConcurrentDownloadIsTheIdenticalPackageWhileASecondStartIsRefused()
            throws Exception {
        assertThat(admin.get("/workload/runs/current").status()).isEqualTo(200);
        HttpExchange started = admin.post("/workload/runs",
                "{\"models\": 5, \"clients\": 3, \"downloads_per_client\": 2, \"max_duration_seconds\": 120}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(json(started).path("state").asText()).isEqualTo("running");
        // The run cannot be over yet: it has five uploads, a 52 MB ingest and twelve 52 MB downloads ahead of it.
        HttpExchange second = admin.post("/workload/runs", "{}");
        assertThat(second.status()).as(second.text()).isEqualTo(409);
        assertThat(json(second).path("message").asText()).contains("already in progress");

        JsonNode run = awaitEnd(json(started).path("id").asText());
        JsonNode result = run.path("result");
        assertThat(run.path("state").asText()).as(result.toString()).isEqualTo("succeeded");
        assertThat(result.path("errors").asLong()).isZero();
        assertThat(result.at("/seeding/models").asInt()).isEqualTo(5);
        assertThat(result.at("/seeding/errors").asInt()).isZero();
        assertThat(result.at("/ingest/already_registered").asBoolean()).isFalse();
        JsonNode round = result.at("/downloads/rounds/0");
        for (String kind : List.of("full", "weights")) {
            JsonNode registry = round.path(kind).path("registry");
            long reference = result.at("/downloads/reference/" + kind + "/bytes").asLong();
            assertThat(registry.path("downloads").asLong()).as(kind).isEqualTo(6);
            assertThat(registry.path("errors").asLong()).as(kind).isZero();
            assertThat(registry.path("identical_bytes").asBoolean()).as(kind).isTrue();
            assertThat(registry.path("bytes").asLong()).as(kind).isEqualTo(6 * reference);
            assertThat(registry.at("/latency_ms/p99").asDouble()).as(kind)
                    .isGreaterThanOrEqualTo(registry.at("/latency_ms/median").asDouble());
            assertThat(registry.path("megabytes_per_second").asDouble()).as(kind).isPositive();
        }
        assertThat(result.at("/downloads/reference/full/bytes").asLong()).as("Tiny-LLM at its real size")
                .isGreaterThan(50_000_000L);
        assertThat(result.at("/downloads/reference/weights/bytes").asLong())
                .isLessThan(result.at("/downloads/reference/full/bytes").asLong());
        assertThat(result.at("/downloads/baseline/available").asBoolean()).isFalse();
        assertThat(result.at("/server/samples").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.at("/server/resident_mb/max").asDouble()).isPositive();
        assertThat(result.at("/server/heap_used_mb/max").asDouble()).isPositive();

        // the seeded models are real registrations, visible through the contract's search
        HttpExchange seeded = admin.post("/artifact/byRegEx", "{\"regex\": \"^workload-.*-model-000[0-4]$\"}");
        assertThat(seeded.status()).isEqualTo(200);
        assertThat(json(seeded)).hasSize(5);
        // every download is in the audit trail, under the administrator who started the run
        HttpExchange audit = admin.get("/artifact/model/" + result.at("/ingest/id").asText() + "/audit");
        assertThat(StreamSupport.stream(json(audit).spliterator(), false)
                .filter(e -> e.path("action").asText().equals("DOWNLOAD"))
                .filter(e -> e.at("/user/name").asText().equals(RegistryClient.ADMIN)).count())
                .as("2 reference downloads and 12 measured").isEqualTo(14);
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyAnAdministratorMayStartOrReadARunAndNothingStartsWithoutOne() {
        RegistryClient user = userWithEveryPermissionButAdmin();
        assertThat(user.post("/workload/runs", "{\"models\": 0}").status()).isEqualTo(401);
        assertThat(user.get("/workload/runs/current").status()).isEqualTo(401);
        assertThat(admin.anonymous("POST", "/workload/runs", "{}").status()).isEqualTo(403);
        assertThat(admin.anonymous("GET", "/workload/runs/current", null).status()).isEqualTo(403);
        assertThat(violations).isEmpty();
    }

    @Test
    void parametersOutsideTheirBoundsOrUnknownAreRefusedWithTheReason() {
        for (String body : List.of("{\"models\": 501}", "{\"clients\": 0}", "{\"clients\": 101}",
                "{\"downloads_per_client\": 21}", "{\"max_duration_seconds\": 5}", "{\"models\": \"5\"}",
                "{\"models\": 2.5}", "{\"nginx\": true}", "[1]")) {
            HttpExchange refused = admin.post("/workload/runs", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(json(refused).path("message").asText()).as(body).isNotBlank();
        }
        assertThat(json(admin.get("/workload/runs/current")).path("state").asText())
                .as("nothing started").isNotEqualTo("running");
    }

    private RegistryClient userWithEveryPermissionButAdmin() {
        String body = "{\"user\": {\"name\": \"workload-viewer\", \"is_admin\": false}, \"secret\": {\"password\": "
                + "\"a-long-enough-password-1\"}, \"permissions\": [\"upload\", \"search\", \"download\"]}";
        assertThat(admin.post("/users", body).status()).isEqualTo(201);
        RegistryClient user = new RegistryClient(admin.baseUrl(), this::validate);
        assertThat(user.login("workload-viewer", "a-long-enough-password-1").status()).isEqualTo(200);
        return user;
    }

    private JsonNode awaitEnd(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            HttpExchange current = admin.get("/workload/runs/current");
            assertThat(current.status()).isEqualTo(200);
            JsonNode run = json(current);
            assertThat(run.path("id").asText()).isEqualTo(id);
            if (!run.path("state").asText().equals("running")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not end within two minutes");
    }

    private void validate(HttpExchange exchange) {
        if (!exchange.path().startsWith("/workload/")) {
            return;
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path());
        if (exchange.token() != null) {
            request.withHeader("X-Authorization", exchange.token());
        }
        if (exchange.requestBody() != null) {
            request.withContentType("application/json").withBody(exchange.requestBody());
        }
        SimpleResponse response = SimpleResponse.Builder.status(exchange.status())
                .withContentType("application/json").withBody(exchange.text()).build();
        EXTENSIONS.validate(request.build(), response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> exchange.status() < 400 || !m.getKey().startsWith("validation.request"))
                .forEach(m -> violations.add(exchange.method() + " " + exchange.path() + " -> " + exchange.status()
                        + ": " + m.getKey() + " " + m.getMessage()));
    }
}
