package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failing metric (here: every metric gets 1 ms) makes the rating a failure: the model is registered
 * (advisory) but {@code /rate} answers 500 naming the metric, and the failure shows on the health data.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RatingFailureTest {

    private static final FakeHub HUB = FakeHub.start();
    private static final ContractValidator CONTRACT = new ContractValidator();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hubs(DynamicPropertyRegistry registry) {
        RegistryTestEnvironment.register(registry, HUB, "advisory");
        registry.add("registry.rating.metric-timeout", () -> "1ms");
    }

    @AfterAll
    static void stopHub() {
        HUB.close();
    }

    @Test
    void aFailedMetricAnswers500ShowsOnTheHealthDataAndFailsARerateTheSameWay() {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, CONTRACT::check);
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertThat(client.delete("/reset").status()).isEqualTo(200);

        HttpExchange created = client.post("/artifact/model", ingestBody("https://huggingface.co/openai/whisper-tiny"));
        assertThat(created.status()).isEqualTo(201);
        String id = json(created).at("/metadata/id").asText();
        HttpExchange rate = client.get("/artifact/model/" + id + "/rate");
        assertThat(rate.status()).isEqualTo(500);
        assertThat(json(rate).get("message").asText()).contains("failed: metric").contains("timed out");

        JsonNode rating = null;
        for (JsonNode component : json(client.get("/health/components")).get("components")) {
            if (component.get("id").asText().equals("rating")) {
                rating = component;
            }
        }
        assertThat(rating).isNotNull();
        assertThat(rating.get("status").asText()).isEqualTo("degraded");
        assertThat(rating.at("/metrics/failed_ratings").asDouble()).isEqualTo(1.0);
        assertThat(rating.get("issues").get(0).get("code").asText()).isEqualTo("metric_failed");
        assertThat(CONTRACT.violations()).isEmpty();

        // a re-rating (an extension, so outside the contract's check) fails the same way: recorded, and said so
        RegistryClient extension = new RegistryClient(client.baseUrl(), exchange -> { });
        extension.useToken(client.token());
        HttpExchange rerate = extension.post("/artifact/model/" + id + "/rate", "");
        assertThat(rerate.status()).as(rerate.text()).isEqualTo(500);
        assertThat(json(rerate).path("message").asText())
                .matches(RefusedSourceUrlsTest.asPattern(ErrorMessage.RATING_RATING_RECORDED_BUT_METRIC));
        assertThat(client.get("/artifacts/model/" + id).status()).as("the model stays").isEqualTo(200);
        assertThat(client.get("/artifact/model/" + id + "/rate").status()).as("its latest rating is the failed one")
                .isEqualTo(500);
    }
}
