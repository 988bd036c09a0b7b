package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The confusion audit through HTTP: a registered look-alike of a registered model is flagged with its evidence. */
class PackageConfusionAuditTest extends InProcessRegistryTest {

    private static final String BERT = "https://huggingface.co/google-bert/bert-base-uncased";
    private static final String LOOK_ALIKE = "https://huggingface.co/synthetic/bert-base-uncasd";

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void aRegisteredLookAlikeIsFlaggedAsATypoWithItsEvidence() {
        String genuine = ingest(BERT);
        String suspect = ingest(LOOK_ALIKE);

        HttpExchange audit = client.get("/artifacts/confusion-audit", "type=model");
        assertThat(audit.status()).isEqualTo(200);
        JsonNode body = json(audit);
        assertThat(body.path("scanned").asInt()).isEqualTo(2);
        List<JsonNode> findings = new ArrayList<>();
        body.path("findings").forEach(findings::add);
        JsonNode finding = findings.stream().filter(f -> f.at("/suspect/id").asText().equals(suspect)).findFirst()
                .orElseThrow(() -> new AssertionError("the look-alike is not flagged: " + body));
        assertThat(finding.path("category").asText()).isEqualTo("typo");
        assertThat(finding.at("/suspect/name").asText()).isEqualTo("bert-base-uncasd");
        assertThat(finding.at("/target/name").asText()).isEqualTo("bert-base-uncased");
        assertThat(finding.path("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(finding.at("/evidence/edit_distance").asInt()).isEqualTo(1);
        assertThat(finding.path("reasons").get(0).asText()).contains("one keystroke");
        assertThat(findings).noneMatch(f -> f.at("/suspect/id").asText().equals(genuine));
        assertThat(extensionViolations(audit)).as("the answer matches the extension document").isEmpty();
    }

    private static java.util.List<ValidationReport.Message> extensionViolations(HttpExchange exchange) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                PackageConfusionAuditTest.class.getClassLoader().getResource("openapi/registry-extensions.yaml")
                        .toString()).build();
        SimpleRequest request = new SimpleRequest.Builder(Request.Method.GET, exchange.path())
                .withQueryParam("type", "model").withHeader("X-Authorization", exchange.token()).build();
        SimpleResponse response = SimpleResponse.Builder.status(exchange.status())
                .withContentType("application/json").withBody(exchange.text()).build();
        return validator.validate(request, response).getMessages();
    }

    @Test
    void badParametersAreRefusedWith400AndAMessage() {
        for (String query : List.of("min_score=2", "min_score=abc", "limit=0", "limit=501", "type=bogus")) {
            HttpExchange refused = client.get("/artifacts/confusion-audit", query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(json(refused).path("message").asText()).as(query).isNotBlank();
        }
        assertThat(client.anonymous("GET", "/artifacts/confusion-audit", null).status()).isEqualTo(403);
    }

    private String ingest(String url) {
        HttpExchange created = client.post("/artifact/model", ingestBody(url));
        assertThat(created.status()).as(created.text()).isIn(201, 202);
        return json(created).at("/metadata/id").asText();
    }
}
