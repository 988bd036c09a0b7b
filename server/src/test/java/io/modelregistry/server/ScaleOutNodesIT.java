package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.server.support.AcceptanceLifecycle;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import io.modelregistry.server.support.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two packaged registry processes on one DynamoDB log (dynalite), one S3 bucket (S3Proxy) and read models either
 * node-local (embedded, each node projecting the shared log itself) or shared (an OpenSearch node in this JVM)
 * behave as one registry: the acceptance lifecycle with every write on one node and every read on the other, a
 * download link or a token from either working on both; when one node is killed with SIGKILL in the middle of a
 * stream of writes, the survivor carries on (it takes over the projections once the dead node's claims expire) and
 * every write that was acknowledged is there; and a node started afresh, with an empty data dir, serves all of it.
 */
abstract class ScaleOutNodesIT {

    private static final String SIGNING_KEY = Base64.getEncoder()
            .encodeToString("one-secret-shared-by-every-node-of-this-test".getBytes());

    /** {@code embedded} or {@code opensearch}; one subclass each, so that the two run in parallel test JVMs. */
    private final String readModels;

    ScaleOutNodesIT(String readModels) {
        this.readModels = readModels;
    }

    @Test
    void twoNodesOnTheSharedStoresBehaveAsOneRegistryAndTheSurvivorOfASigkillLosesNothingAcknowledged()
            throws Exception {
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        assertThat(jar).exists();
        Path work = RegistryProcess.tempDir("registry-scale-out");
        ContractValidator contract = new ContractValidator();
        try (FakeHub hub = FakeHub.start();
             S3ProxyServer s3 = S3ProxyServer.start(java.nio.file.Files.createDirectories(work.resolve("s3")))) {
            Map<String, String> shared = new HashMap<>(Map.of(
                    "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                    "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory",
                    "REGISTRY_PULL_THROUGH_MAX_BYTES", RegistryTestEnvironment.FAKE_HUB_FILE_BYTES,
                    "REGISTRY_DOWNLOAD_SIGNING_KEY", SIGNING_KEY,
                    // dynalite and S3Proxy check only the shape of a signature
                    "AWS_ACCESS_KEY_ID", "scale-out-test", "AWS_SECRET_ACCESS_KEY", "scale-out-test"));
            shared.putAll(Map.of(
                    "REGISTRY_EVENT_STORE", "dynamodb",
                    "REGISTRY_DYNAMODB_ENDPOINT", Dynalite.shared().endpoint().toString(),
                    "REGISTRY_DYNAMODB_REGION", "us-east-1",
                    "REGISTRY_DYNAMODB_TABLE_PREFIX", Dynalite.freshPrefix("scale-out"),
                    "REGISTRY_BLOB_STORE", "s3",
                    "REGISTRY_BLOB_STORE_S3_BUCKET", "scale-out-blobs-" + readModels,
                    "REGISTRY_BLOB_STORE_S3_ENDPOINT", s3.endpoint().toString(),
                    "REGISTRY_BLOB_STORE_S3_PATH_STYLE", "true",
                    "REGISTRY_BLOB_STORE_S3_REGION", "us-east-1",
                    // a dead node's segments go to the survivor after this long without a renewed claim (Axon's
                    // default, which the deployment keeps); a live node renews it inside long batches too, before
                    // each write to the shared read models (ClaimFence), so a slow batch keeps its segment
                    "AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT", "10s"));
            shared.put("REGISTRY_READ_MODELS", readModels);
            if (readModels.equals("opensearch")) {
                shared.put("REGISTRY_OPENSEARCH_ENDPOINT", OpenSearchNode.endpoint().toString());
                shared.put("REGISTRY_OPENSEARCH_INDEX_PREFIX", OpenSearchNode.uniquePrefix("scale-out"));
            }
            try (RegistryProcess nodeA = node(jar, work.resolve("a"), shared, "node-a");
                 RegistryProcess nodeB = node(jar, work.resolve("b"), shared, "node-b")) {
                nodeA.start();
                nodeB.start();
                RegistryClient a = new RegistryClient(nodeA.baseUrl(), contract::check);
                RegistryClient b = new RegistryClient(nodeB.baseUrl(), contract::check);
                assertThat(a.loginAsAdmin().status()).isEqualTo(200);
                b.useToken(a.token()); // a token issued by one node works on the other

                AcceptanceLifecycle.Registered registered = new AcceptanceLifecycle(a, b).run();
                String bertId = registered.bertId();

                int expectedArtifacts = 4; // the lifecycle's three models and its dataset
                List<String> expectedModels = new ArrayList<>(registered.modelIds());
                {
                    // a stream of writes on A, killed with SIGKILL halfway; every acknowledged one must be on B
                    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
                    AtomicBoolean killed = new AtomicBoolean();
                    ExecutorService writers = Executors.newFixedThreadPool(4);
                    List<String> models = List.of("BAHIJA/bert-base-uncased-finetuned-sst2", "FabianWillner/bert-base-uncased-finetuned-squad",
                            "vikhyatk/moondream2", "microsoft/resnet-50", "distilbert/distilbert-base-uncased",
                            "caidas/swin2SR-lightweight-x2-64", "crangana/trained-gender", "lerobot/diffusion_pusht");
                    for (String model : models) {
                        writers.submit(() -> {
                            try {
                                HttpExchange created = a.post("/artifact/model", ingestBody("https://huggingface.co/" + model));
                                if (created.status() == 201) {
                                    acknowledged.add(json(created).at("/metadata/id").asText());
                                }
                            } catch (RuntimeException connectionLost) {
                                assertThat(killed).as("only the kill may break a write: " + connectionLost).isTrue();
                            }
                        });
                    }
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (acknowledged.size() < 2 && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    killed.set(true);
                    assertThat(nodeA.kill()).as("SIGKILL").isEqualTo(137);
                    writers.shutdown();
                    assertThat(writers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
                    System.out.println("[scale-out] acknowledged before the kill: " + acknowledged.size() + " of "
                            + models.size());
                    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2);
                    // Node-local read models: every read on B first catches up with the log's head, so an
                    // acknowledged write is there at once. Shared read models: a write the dead node acknowledged
                    // after its wait for the read models ran out is applied once B has taken the dead node's
                    // segments over (the claim timeout) and caught up, so B shows it within that window, not at once
                    // (decision 0065).
                    Duration window = readModels.equals("embedded") ? Duration.ZERO : Duration.ofSeconds(60);
                    long killedAt = System.nanoTime();
                    for (String id : acknowledged) {
                        int status = statusWithin(b, "/artifacts/model/" + id, window);
                        if (status != 200) {
                            System.out.println("[scale-out] the survivor's components: "
                                    + b.get("/health/components").text());
                        }
                        assertThat(status).as("acknowledged %s", id).isEqualTo(200);
                    }
                    System.out.println("[scale-out] every acknowledged write visible on the survivor "
                            + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms after the kill");

                    // the survivor carries on alone: it writes, and its reads show its writes
                    HttpExchange later = b.post("/artifact/model", ingestBody("https://huggingface.co/google/gemma-3-270m"));
                    assertThat(later.status()).isEqualTo(201);
                    String laterId = json(later).at("/metadata/id").asText();
                    // inside the window above B's own write may be answered before the segments are B's (durable,
                    // the wait ran out); its reads say 503 "catching up" until they show it
                    assertThat(statusWithin(b, "/artifacts/model/" + laterId, window)).isEqualTo(200);
                    // writes the kill interrupted may or may not have reached the log; whatever is listed is whole
                    List<String> listed = new ArrayList<>();
                    json(b.post("/artifacts", "[{\"name\":\"*\",\"types\":[\"model\"]}]"))
                            .forEach(m -> listed.add(m.get("id").asText()));
                    assertThat(listed).contains(bertId, laterId).containsAll(acknowledged);
                    for (String id : listed) {
                        assertThat(b.get("/artifacts/model/" + id).status()).as("listed %s", id).isEqualTo(200);
                    }
                    assertThat(b.get("/health").status()).isEqualTo(200);
                    expectedArtifacts = listed.size() + 1; // and the dataset
                    expectedModels = listed;
                }

                // a node is stateless: started again on an empty data dir, it serves everything there is
                try (RegistryProcess fresh = node(jar, work.resolve("a-again"), shared, "node-a-again")) {
                    fresh.start();
                    RegistryClient c = new RegistryClient(fresh.baseUrl(), contract::check);
                    c.useToken(b.token());
                    AcceptanceLifecycle.stillThere(c, registered, expectedArtifacts);
                    for (String id : expectedModels) {
                        assertThat(c.get("/artifacts/model/" + id).status()).as("on the fresh node: %s", id)
                                .isEqualTo(200);
                    }
                    assertThat(json(c.post("/artifacts", "[{\"name\":\"*\",\"types\":[\"model\"]}]")))
                            .hasSize(expectedModels.size());
                }
            }
        }
        assertThat(contract.violations()).isEmpty();
    }

    /** The status of GET {@code path}, asked again until it is 200 or {@code window} has passed. */
    private static int statusWithin(RegistryClient client, String path, Duration window) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        int status = client.get(path).status();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = client.get(path).status();
        }
        return status;
    }

    private static RegistryProcess node(Path jar, Path dir, Map<String, String> shared, String name) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        Map<String, String> environment = new HashMap<>(shared);
        environment.put("REGISTRY_DYNAMODB_NODE_ID", name);
        return new RegistryProcess(jar, dir.resolve("data"), environment);
    }
}
