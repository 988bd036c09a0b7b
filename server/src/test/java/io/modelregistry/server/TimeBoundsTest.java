package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Work that runs past its time bound is cut off with its own message and leaves nothing half done, here with bounds
 * no work can meet (one context for both): under the enforcing gate, a model whose rating's metrics all time out is
 * not registered; a read of the past whose replay takes longer than its bound is refused as unavailable.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeBoundsTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void boundsNoWorkMeets(DynamicPropertyRegistry registry) {
        RegistryTestEnvironment.register(registry, InProcessRegistryTest.HUB, "enforce");
        registry.add("registry.rating.metric-timeout", () -> "1ms");
        registry.add("registry.time-travel.timeout", () -> "PT0.000000001S");
    }

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertThat(client.delete("/reset").status()).isEqualTo(200);
    }

    @Test
    void aModelWhoseRatingCouldNotBeCompletedIsNotRegisteredUnderTheEnforcingGate() {
        HttpExchange refused = client.post("/artifact/model", ingestBody("https://huggingface.co/openai/whisper-tiny"));

        assertThat(refused.status()).as(refused.text()).isEqualTo(424);
        assertThat(json(refused).path("message").asText())
                .matches(asPattern(ErrorMessage.RATING_INGEST_REFUSED_RATING_FAILED)).contains("license");
        assertThat(client.get("/artifact/byName/whisper-tiny").status()).as("nothing registered").isEqualTo(404);
    }

    @Test
    void aReadOfThePastWhoseReplayRunsPastItsBoundIsUnavailableAndTheLiveReadAnswers() throws Exception {
        // a dataset: the enforcing gate and the failing metrics concern models only
        String id = ModelUploads.dataset(client, "time-bounds-data").id();

        HttpExchange past = client.get("/artifacts/dataset/" + id, "as_of=" + Instant.now());
        assertThat(past.status()).as(past.text()).isEqualTo(503);
        assertThat(json(past).path("message").asText()).matches(asPattern(ErrorMessage.TIMETRAVEL_REPLAY_UP_TOOK_LONGER));
        assertThat(client.get("/artifacts/dataset/" + id).status()).isEqualTo(200);
    }
}
