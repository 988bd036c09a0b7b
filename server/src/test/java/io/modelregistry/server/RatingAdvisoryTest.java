package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ratings as the automated client sees them ({@code REGISTRY_INGEST_GATE=advisory}): a model a strict gate
 * refuses is registered and marked not vetted; ten models rated at ingest answer {@code /rate} concurrently,
 * each with all 26 fields valid against the contract; re-rating on request and on update adds to the history.
 */
class RatingAdvisoryTest extends InProcessRegistryTest {

    private static final ContractValidator CONTRACT = new ContractValidator();
    private static final List<String> MODELS = List.of("google-bert/bert-base-uncased", "openai/whisper-tiny",
            "parvk11/audience_classifier_model", "distilbert/distilbert-base-uncased", "microsoft/DialoGPT-medium",
            "arnir0/Tiny-LLM", "vikhyatk/moondream2", "caidas/swin2SR-lightweight-x2-64", "microsoft/resnet-50",
            "crangana/trained-gender");
    private static final List<String> FIELDS = List.of("name", "category", "net_score", "net_score_latency",
            "ramp_up_time", "ramp_up_time_latency", "bus_factor", "bus_factor_latency", "performance_claims",
            "performance_claims_latency", "license", "license_latency", "dataset_and_code_score",
            "dataset_and_code_score_latency", "dataset_quality", "dataset_quality_latency", "code_quality",
            "code_quality_latency", "reproducibility", "reproducibility_latency", "reviewedness", "reviewedness_latency",
            "tree_score", "tree_score_latency", "size_score", "size_score_latency");

    private RegistryClient client;
    private RegistryClient extensions;

    @BeforeEach
    void reset() {
        client = freshRegistry(CONTRACT::check);
        extensions = new RegistryClient(client.baseUrl(), exchange -> { }); // extension endpoints are not in the contract
        extensions.useToken(client.token());
    }

    @Test
    void aModelAStrictGateRefusesIsAdmittedAndMarkedNotVetted() {
        HttpExchange created = client.post("/artifact/model",
                ingestBody("https://huggingface.co/parvk11/audience_classifier_model"));
        assertThat(created.status()).isEqualTo(201);
        String id = json(created).at("/metadata/id").asText();

        JsonNode rating = json(client.get("/artifact/model/" + id + "/rate"));
        assertThat(rating.get("license").asDouble()).isZero();
        assertThat(rating.get("reviewedness").asDouble()).isEqualTo(-1.0);
        JsonNode vetting = json(extensions.get("/artifact/model/" + id + "/vetting"));
        assertThat(vetting.get("vetted").asBoolean()).isFalse();
        assertThat(vetting.get("note").asText()).startsWith("not vetted:").contains("license=0.00").contains("advisory");
        assertThat(vetting.at("/below_threshold/license").asDouble()).isZero();
        JsonNode history = json(extensions.get("/artifact/model/" + id + "/rate/history"));
        assertThat(history).singleElement().satisfies(e -> assertThat(e.get("vetted").asBoolean()).isFalse());
        assertThat(json(extensions.get("/ingest/refusals"))).isEmpty();
        assertThat(CONTRACT.violations()).isEmpty();
    }

    @Test
    void theReasonsOfEveryMetricAreServedWithWhetherItsValueWasMeasuredOrUnknown() {
        HttpExchange created = client.post("/artifact/model",
                ingestBody("https://huggingface.co/parvk11/audience_classifier_model"));
        String id = json(created).at("/metadata/id").asText();

        HttpExchange answer = extensions.get("/artifact/model/" + id + "/rate/reasons");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(extensionViolations(answer)).as("the answer matches the extension document").isEmpty();
        JsonNode body = json(answer);
        assertThat(body.get("artifact_id").asText()).isEqualTo(id);
        Map<String, JsonNode> metrics = new LinkedHashMap<>();
        body.get("metrics").forEach(m -> metrics.put(m.get("metric").asText(), m));
        assertThat(metrics.keySet()).containsExactly("net_score", "ramp_up_time", "bus_factor", "performance_claims",
                "license", "size_score", "dataset_and_code_score", "dataset_quality", "code_quality", "reproducibility",
                "reviewedness", "tree_score");
        JsonNode rate = json(client.get("/artifact/model/" + id + "/rate"));
        metrics.forEach((name, m) -> {
            if (!name.equals("size_score")) {
                assertThat(m.get("value").asDouble()).as(name).isEqualTo(rate.get(name).asDouble());
            }
        });
        // nothing named: the quality of data and code is unknown, not bad; the net score counts it at its reported
        // value, as the course's reference does, and says so; reviewedness -1 is no score and is left out
        assertThat(metrics.get("dataset_quality").get("evidence").asText()).isEqualTo("none");
        assertThat(metrics.get("dataset_quality").get("counts_in_net_score").asBoolean()).isTrue();
        assertThat(metrics.get("reviewedness").get("counts_in_net_score").asBoolean()).isFalse();
        assertThat(metrics.get("net_score").get("reason").asText()).contains("without evidence");
        assertThat(metrics.get("dataset_quality").get("reason").asText()).startsWith("no evidence");
        // no licence is the course's measured zero
        assertThat(metrics.get("license").get("evidence").asText()).isEqualTo("measured");
        assertThat(metrics.get("license").get("counts_in_net_score").asBoolean()).isTrue();
        assertThat(metrics.get("reviewedness").get("value").asDouble()).isEqualTo(-1.0);
        assertThat(metrics.get("size_score").at("/devices/aws_server").asDouble())
                .isEqualTo(rate.at("/size_score/aws_server").asDouble());

        for (var bad : List.of(Map.entry("not_an_id!", 400), Map.entry("1234567890", 404))) {
            HttpExchange refused = extensions.get("/artifact/model/" + bad.getKey() + "/rate/reasons");
            assertThat(refused.status()).as(bad.getKey()).isEqualTo(bad.getValue());
            assertThat(json(refused).get("message").asText()).as(bad.getKey()).isNotBlank();
        }
        assertThat(extensions.anonymous("GET", "/artifact/model/" + id + "/rate/reasons", null).status()).isEqualTo(403);
    }

    private static List<String> extensionViolations(HttpExchange exchange) {
        com.atlassian.oai.validator.OpenApiInteractionValidator validator = com.atlassian.oai.validator
                .OpenApiInteractionValidator.createForSpecificationUrl(RatingAdvisoryTest.class.getClassLoader()
                        .getResource("openapi/registry-extensions.yaml").toString()).build();
        var request = new com.atlassian.oai.validator.model.SimpleRequest.Builder(
                com.atlassian.oai.validator.model.Request.Method.GET, exchange.path())
                .withHeader("X-Authorization", exchange.token()).build();
        var response = com.atlassian.oai.validator.model.SimpleResponse.Builder.status(exchange.status())
                .withContentType("application/json").withBody(exchange.text()).build();
        return validator.validate(request, response).getMessages().stream().map(Object::toString).toList();
    }

    @Test
    void tenModelsAnswerRateConcurrentlyWithEveryFieldOfTheContract() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Long> ingestMillis = new LinkedHashMap<>();
        for (String model : MODELS) {
            long started = System.nanoTime();
            HttpExchange created = client.post("/artifact/model", ingestBody("https://huggingface.co/" + model));
            ingestMillis.put(model, (System.nanoTime() - started) / 1_000_000);
            assertThat(created.status()).as(model).isEqualTo(201);
            ids.put(model, json(created).at("/metadata/id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Callable<HttpExchange>> calls = new ArrayList<>();
            ids.values().forEach(id -> calls.add(() -> client.get("/artifact/model/" + id + "/rate")));
            List<Future<HttpExchange>> answers = pool.invokeAll(calls, 2, TimeUnit.MINUTES);
            for (Future<HttpExchange> answer : answers) {
                HttpExchange rate = answer.get();
                assertThat(rate.status()).isEqualTo(200);
                JsonNode body = json(rate);
                FIELDS.forEach(field -> assertThat(body.has(field)).as(field).isTrue());
                for (String field : FIELDS) {
                    if (field.equals("name") || field.equals("category") || field.equals("size_score")) {
                        continue;
                    }
                    double value = body.get(field).asDouble();
                    assertThat(value).as(field).isBetween(field.equals("reviewedness") ? -1.0 : 0.0,
                            field.endsWith("_latency") ? 120.0 : 1.0);
                }
                JsonNode size = body.get("size_score");
                assertThat(size.get("raspberry_pi").asDouble()).isLessThanOrEqualTo(size.get("jetson_nano").asDouble());
                assertThat(size.get("jetson_nano").asDouble()).isLessThanOrEqualTo(size.get("desktop_pc").asDouble());
                assertThat(size.get("desktop_pc").asDouble()).isLessThanOrEqualTo(size.get("aws_server").asDouble());
            }
        } finally {
            pool.shutdownNow();
        }
        double bert = json(client.get("/artifact/model/" + ids.get("google-bert/bert-base-uncased") + "/rate"))
                .get("net_score").asDouble();
        double audience = json(client.get("/artifact/model/" + ids.get("parvk11/audience_classifier_model") + "/rate"))
                .get("net_score").asDouble();
        assertThat(bert).isGreaterThan(audience + 0.4);
        assertThat(CONTRACT.violations()).as("responses that break the OpenAPI contract").isEmpty();

        JsonNode rating = json(client.get("/health/components")).get("components");
        JsonNode component = null;
        for (JsonNode c : rating) {
            if (c.get("id").asText().equals("rating")) {
                component = c;
            }
        }
        assertThat(component).isNotNull();
        assertThat(component.at("/metrics/ratings").asLong()).isGreaterThanOrEqualTo(MODELS.size());
        System.out.println("[rating] ingest-and-rate per model (ms): " + ingestMillis);
        System.out.println("[rating] slowest metric: " + component.at("/metrics/slowest_metric").asText() + " "
                + component.at("/metrics/slowest_metric_seconds").asDouble() + " s (model "
                + component.at("/metrics/slowest_metric_model").asText() + "), mean rating "
                + component.at("/metrics/mean_rating_seconds").asDouble() + " s");
    }

    @Test
    void reRatingOnRequestAndOnUpdateBuildsAReplayableHistory() {
        String url = "https://huggingface.co/crangana/trained-gender";
        HttpExchange child = client.post("/artifact/model", ingestBody(url));
        String childId = json(child).at("/metadata/id").asText();
        assertThat(json(client.get("/artifact/model/" + childId + "/rate")).get("tree_score").asDouble()).isEqualTo(0.5);

        // its parent arrives later: the child is rated again by itself (its card names the parent), and picks up the
        // parent's net score; asking for a new rating gives the same
        HttpExchange parent = client.post("/artifact/model", ingestBody("https://huggingface.co/microsoft/resnet-50"));
        String parentId = json(parent).at("/metadata/id").asText();
        double parentNet = json(client.get("/artifact/model/" + parentId + "/rate")).get("net_score").asDouble();
        JsonNode linked = awaitTrigger(childId, "LINKED_ARTIFACT");
        assertThat(linked.path("triggered_by").asText()).contains("model " + parentId);
        assertThat(linked.at("/rating/tree_score").asDouble()).isEqualTo(parentNet);
        HttpExchange rerated = extensions.post("/artifact/model/" + childId + "/rate", null);
        assertThat(rerated.status()).isEqualTo(200);
        assertThat(json(rerated).get("tree_score").asDouble()).isEqualTo(parentNet);
        assertThat(json(client.get("/artifact/model/" + childId + "/rate")).get("tree_score").asDouble()).isEqualTo(parentNet);

        String update = "{\"metadata\":{\"name\":\"trained-gender\",\"id\":\"" + childId + "\",\"type\":\"model\"},"
                + "\"data\":{\"url\":\"" + url + "\"}}";
        assertThat(client.put("/artifacts/model/" + childId, update).status()).isEqualTo(200);

        // The repository has two semantic-version tags: each version is rated at ingest (oldest first); a rating on
        // request and an update concern the latest.
        List<String> triggers = new ArrayList<>();
        json(extensions.get("/artifact/model/" + childId + "/rate/history")).forEach(e -> triggers.add(
                e.get("trigger").asText() + "@" + e.get("version").asText()));
        assertThat(triggers).containsExactly("INGEST@1.0.0", "INGEST@1.1.0", "LINKED_ARTIFACT@1.1.0", "REQUEST@1.1.0",
                "UPDATE@1.1.0");
        List<String> audit = new ArrayList<>();
        json(client.get("/artifact/model/" + childId + "/audit")).forEach(e -> audit.add(e.get("action").asText()));
        // the ingest registered version 1.0.0 and added 1.1.0 (an UPDATE of the artifact), in one decision
        assertThat(audit).containsExactly("CREATE", "UPDATE", "RATE", "UPDATE");

        assertThat(extensions.post("/artifact/model/invalidId/rate", null).status()).isEqualTo(404);
        String datasetId = json(client.post("/artifact/dataset",
                ingestBody("https://huggingface.co/datasets/rajpurkar/squad"))).at("/metadata/id").asText();
        assertThat(extensions.post("/artifact/model/" + datasetId + "/rate", null).status()).isEqualTo(404);
        assertThat(client.delete("/artifacts/model/" + childId).status()).isEqualTo(200);
        assertThat(client.get("/artifact/model/" + childId + "/rate").status()).isEqualTo(404);
        assertThat(CONTRACT.violations()).isEmpty();
    }

    /** The latest rating of {@code model} once it has {@code trigger} (a linked re-rating runs after the answer). */
    private JsonNode awaitTrigger(String model, String trigger) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode history = json(extensions.get("/artifact/model/" + model + "/rate/history"));
            JsonNode latest = history.get(history.size() - 1);
            if (trigger.equals(latest.path("trigger").asText())) {
                return latest;
            }
            assertThat(System.nanoTime()).as("no " + trigger + " rating of " + model + ": " + latest).isLessThan(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
