package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The ingest gate under {@code REGISTRY_INGEST_GATE=enforce}: a public model with a blank template card and no
 * licence is refused with 424 naming the failing metrics, nothing is registered, the refusal is on record; a
 * model that passes is registered vetted. Datasets and code are not gated.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestGateEnforceTest {

    private static final FakeHub HUB = FakeHub.start();
    private static final ContractValidator CONTRACT = new ContractValidator();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hubs(DynamicPropertyRegistry registry) {
        RegistryTestEnvironment.register(registry, HUB, "enforce");
    }

    @AfterAll
    static void stopHub() {
        HUB.close();
    }

    @Test
    void aLowQualityPublicModelIsRefusedAndNothingIsStoredButTheRefusal() {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, CONTRACT::check);
        RegistryClient extensions = new RegistryClient(client.baseUrl(), exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertThat(client.delete("/reset").status()).isEqualTo(200);
        extensions.useToken(client.token());

        String url = "https://huggingface.co/parvk11/audience_classifier_model";
        HttpExchange refused = client.post("/artifact/model", ingestBody(url));
        assertThat(refused.status()).isEqualTo(424);
        String message = json(refused).get("message").asText();
        assertThat(message).contains("ingest gate").contains("license=0.00").contains("dataset_and_code_score=0.00")
                .doesNotContain("net_score");

        assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();
        assertThat(client.get("/artifact/byName/audience_classifier_model").status()).isEqualTo(404);
        HttpExchange refusals = extensions.get("/ingest/refusals");
        assertThat(refusals.status()).isEqualTo(200);
        assertThat(json(refusals)).singleElement().satisfies(r -> {
            assertThat(r.get("url").asText()).isEqualTo(url);
            assertThat(r.at("/below_threshold/license").asDouble()).isZero();
            assertThat(r.at("/rating/vetted").asBoolean()).isFalse();
        });
        // refused, so not claimed: the same URL may be tried again (and is refused again)
        assertThat(client.post("/artifact/model", ingestBody(url)).status()).isEqualTo(424);

        HttpExchange bert = client.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"));
        assertThat(bert.status()).isEqualTo(201);
        String bertId = json(bert).at("/metadata/id").asText();
        HttpExchange rate = client.get("/artifact/model/" + bertId + "/rate");
        assertThat(rate.status()).isEqualTo(200);
        assertThat(json(extensions.get("/artifact/model/" + bertId + "/vetting")).get("vetted").asBoolean()).isTrue();

        // datasets and code are never gated
        assertThat(client.post("/artifact/dataset", ingestBody("https://huggingface.co/datasets/bookcorpus/bookcorpus"))
                .status()).isEqualTo(201);
        assertThat(client.post("/artifact/code", ingestBody("https://github.com/karpathy/nanoGPT")).status()).isEqualTo(201);
        assertThat(CONTRACT.violations()).isEmpty();
    }
}
