package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import io.modelregistry.server.support.FaultyLink;
import io.modelregistry.server.support.HealthComponents;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import io.modelregistry.server.support.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each of the registry's components taken away while it serves, through a {@link FaultyLink} that cuts or slows
 * the connection: the event store (DynamoDB), the blob store (S3), the HuggingFace hub. While a component is gone,
 * what needs it is answered with a 503 (502 for a hub) whose message names it, what does not need it is served,
 * and {@code /health/components} says what is down; once it is back, everything works again with nothing done by
 * hand, and nothing acknowledged before, during or after the outage is lost.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComponentOutagesTest {

    static final FakeHub HUB = FakeHub.start();
    static final S3ProxyServer S3 = S3ProxyServer.start(temporaryDirectory());
    static final FaultyLink DYNAMO_LINK = FaultyLink.to(Dynalite.shared().endpoint());
    static final FaultyLink S3_LINK = FaultyLink.to(S3.endpoint());
    static final FaultyLink HUB_LINK = FaultyLink.to(URI.create(HUB.baseUrl()));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void componentsBehindLinks(DynamicPropertyRegistry registry) {
        RegistryTestEnvironment.register(registry, HUB, "advisory");
        String hub = HUB_LINK.through(URI.create(HUB.baseUrl())).toString();
        registry.add("HF_ENDPOINT", () -> hub + HUB.hfEndpoint().substring(HUB.baseUrl().length()));
        registry.add("GITHUB_API_URL", () -> hub + HUB.githubApiUrl().substring(HUB.baseUrl().length()));
        registry.add("registry.hub.request-timeout", () -> "3s");
        // dynalite and S3Proxy check only the shape of a signature
        S3ProxyServer.provideCredentialsIfNoneAreSet();
        registry.add("registry.event-store", () -> "dynamodb");
        registry.add("registry.dynamodb.endpoint", () -> DYNAMO_LINK.through(Dynalite.shared().endpoint()).toString());
        registry.add("registry.dynamodb.region", () -> "us-east-1");
        registry.add("registry.dynamodb.table-prefix", () -> Dynalite.freshPrefix("outages"));
        registry.add("registry.dynamodb.node-id", () -> "outage-node");
        registry.add("registry.dynamodb.connect-timeout", () -> "1s");
        registry.add("registry.dynamodb.attempt-timeout", () -> "2s");
        registry.add("registry.dynamodb.call-timeout", () -> "4s");
        registry.add("registry.dynamodb.max-attempts", () -> "2");
        registry.add("registry.download.signing-key", () -> "b3V0YWdlcy1vZi1ldmVyeS1jb21wb25lbnQtb2YtdGhlLXJlZ2lzdHJ5");
        registry.add("registry.blob-store", () -> "s3");
        registry.add("registry.blob-store.s3.bucket", () -> "outage-blobs");
        registry.add("registry.blob-store.s3.endpoint", () -> S3_LINK.through(S3.endpoint()).toString());
        registry.add("registry.blob-store.s3.path-style", () -> "true");
        registry.add("registry.blob-store.s3.connection-timeout", () -> "1s");
        registry.add("registry.blob-store.s3.socket-timeout", () -> "2s");
        registry.add("registry.blob-store.s3.api-call-attempt-timeout", () -> "3s");
        registry.add("registry.blob-store.s3.api-call-timeout", () -> "6s");
    }

    @AfterEach
    void mendEveryLink() {
        DYNAMO_LINK.mend();
        S3_LINK.mend();
        HUB_LINK.mend();
    }

    @AfterAll
    static void stop() throws Exception {
        DYNAMO_LINK.close();
        S3_LINK.close();
        HUB_LINK.close();
        S3.close();
    }

    @Test
    void withoutTheEventStoreWritesAre503NamingItAndOnceItIsBackTheyWorkAndNothingAcknowledgedIsLost() throws Exception {
        RegistryClient client = loggedIn();
        String before = ModelUploads.model(client, "outage-before", "# before").id();

        DYNAMO_LINK.cut();
        // tokens are checked (and their uses counted) in DynamoDB beside the log: without it no request with a
        // token can be answered, and the answer says so; the operators' pages need no token and still answer
        HttpExchange refused = client.post("/artifact/model", ingestBody("https://huggingface.co/synthetic/outage-during"));
        assertUnavailableNaming(refused, 503, "(dynamodb");
        assertUnavailableNaming(client.get("/artifacts/model/" + before), 503, "(dynamodb");
        assertThat(client.anonymous("GET", "/health", null).status()).isEqualTo(200);
        assertThat(HealthComponents.status(client, "event-store")).isEqualTo("critical");

        DYNAMO_LINK.mend();
        HttpExchange after = within(Duration.ofSeconds(30), () -> client.post("/artifact/model",
                ingestBody("https://huggingface.co/synthetic/outage-during")));
        assertThat(after.status()).as(after.text()).isEqualTo(201);
        String afterId = json(after).at("/metadata/id").asText();
        for (String id : List.of(before, afterId)) {
            assertThat(client.get("/artifacts/model/" + id).status()).as(id).isEqualTo(200);
        }
        assertThat(HealthComponents.status(client, "event-store")).isEqualTo("ok");
        assertThat(HealthComponents.status(client, "projections")).isEqualTo("ok");
    }

    @Test
    void withoutTheBlobStoreDownloadsAndUploadsAre503NamingItMetadataIsServedAndTheBytesComeBackWhole() throws Exception {
        RegistryClient client = loggedIn();
        ModelUploads.Uploaded model = ModelUploads.model(client, "outage-blobs", "# blobs\n" + "x".repeat(50_000));
        String link = json(client.get("/artifacts/model/" + model.id())).at("/data/download_url").asText();
        byte[] whole = client.fetchAbsolute(link).body();

        S3_LINK.cut();
        assertUnavailableNaming(client.fetchAbsolute(link), 503, "blob store");
        assertThat(client.get("/artifacts/model/" + model.id()).status()).as("metadata needs no blob").isEqualTo(200);
        assertThat(client.post("/artifacts", "[{\"name\":\"outage-blobs\"}]").status()).isEqualTo(200);
        assertUnavailableNaming(upload(client, "outage-blobs-two"), 503, "blob store");
        assertThat(HealthComponents.status(client, "blob-store")).isEqualTo("critical");

        S3_LINK.mend();
        HttpExchange again = within(Duration.ofSeconds(30), () -> client.fetchAbsolute(link));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(whole);
        HttpExchange uploaded = within(Duration.ofSeconds(30), () -> upload(client, "outage-blobs-two"));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(json(client.post("/artifacts", "[{\"name\":\"outage-blobs-two\"}]"))).hasSize(1);
        assertThat(HealthComponents.status(client, "blob-store")).isEqualTo("ok");
    }

    @Test
    void aHubThatIsGoneOrTooSlowIsA502NamingItAndEverythingElseIsServed() throws Exception {
        RegistryClient client = loggedIn();
        String local = ModelUploads.model(client, "outage-hub", "# hub").id();

        HUB_LINK.cut();
        assertUnavailableNaming(client.post("/artifact/model",
                ingestBody("https://huggingface.co/google-bert/bert-base-uncased")), 502, "huggingface");
        assertThat(client.get("/artifacts/model/" + local).status()).isEqualTo(200);
        assertThat(HealthComponents.status(client, "hubs")).isEqualTo("degraded");

        HUB_LINK.mend();
        HUB_LINK.slow(Duration.ofSeconds(4));
        assertUnavailableNaming(client.post("/artifact/model",
                ingestBody("https://huggingface.co/google-bert/bert-base-uncased")), 502, "huggingface");

        HUB_LINK.mend();
        HttpExchange after = client.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"));
        assertThat(after.status()).as(after.text()).isEqualTo(201);
        assertThat(HealthComponents.status(client, "hubs")).isEqualTo("ok");
    }

    private RegistryClient loggedIn() {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        return client;
    }

    /** An upload's answer as an exchange, with the status, headers and body the assertions read. */
    private static HttpExchange upload(RegistryClient client, String name) {
        try {
            var response = ModelUploads.upload(client, name, "# " + name);
            return new HttpExchange("POST", "/artifact/model/upload", "name=" + name, null, client.token(),
                    response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new AssertionError("the upload got no answer", e);
        }
    }

    private static void assertUnavailableNaming(HttpExchange answer, int status, String component) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(json(answer).path("message").asText().toLowerCase()).as(answer.text()).contains(component);
    }


    /** {@code attempt}'s answer, asked again (a component just back may take a moment) until it is 2xx or time is up. */
    private static HttpExchange within(Duration window, Supplier<HttpExchange> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        HttpExchange answer = attempt.get();
        while (answer.status() >= 500 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = attempt.get();
        }
        return answer;
    }

    private static java.nio.file.Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("s3proxy-outages");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
