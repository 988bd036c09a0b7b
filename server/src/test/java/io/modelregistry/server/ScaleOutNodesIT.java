package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import io.modelregistry.server.support.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
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
 * Two packaged registry processes on one DynamoDB log (dynalite), one S3 bucket (S3Proxy) and shared read models
 * behave as one registry: every write on one node, every read on the other, a download link or a token from
 * either works on both, and when one node is killed with SIGKILL in the middle of a stream of writes, the
 * survivor carries on (it takes over the projections once the dead node's claims expire) and every write that
 * was acknowledged is there.
 */
class ScaleOutNodesIT {

    private static final String SIGNING_KEY = Base64.getEncoder()
            .encodeToString("one-secret-shared-by-every-node-of-this-test".getBytes());

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
                    "REGISTRY_BLOB_STORE_S3_BUCKET", "scale-out-blobs",
                    "REGISTRY_BLOB_STORE_S3_ENDPOINT", s3.endpoint().toString(),
                    "REGISTRY_BLOB_STORE_S3_PATH_STYLE", "true",
                    "REGISTRY_BLOB_STORE_S3_REGION", "us-east-1",
                    // a dead node's segments go to the survivor after this long without a renewed claim
                    "AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT", "5s"));
            shared.put("REGISTRY_READ_MODELS", "embedded");
            try (RegistryProcess nodeA = node(jar, work.resolve("a"), shared, "node-a");
                 RegistryProcess nodeB = node(jar, work.resolve("b"), shared, "node-b")) {
                nodeA.start();
                nodeB.start();
                RegistryClient a = new RegistryClient(nodeA.baseUrl(), contract::check);
                RegistryClient b = new RegistryClient(nodeB.baseUrl(), contract::check);
                assertThat(a.loginAsAdmin().status()).isEqualTo(200);
                b.useToken(a.token()); // a token issued by one node works on the other
                assertThat(a.delete("/reset").status()).isEqualTo(200);
                assertThat(json(b.post("/artifacts", "[{\"name\":\"*\"}]"))).as("the reset, seen by B").isEmpty();

                // every write on A, every read on B, each read right after its write
                HttpExchange bert = a.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"));
                assertThat(bert.status()).isEqualTo(201);
                String bertId = json(bert).at("/metadata/id").asText();
                assertThat(b.get("/artifacts/model/" + bertId).status()).isEqualTo(200);
                assertThat(b.post("/artifact/model", ingestBody("https://huggingface.co/google-bert/bert-base-uncased"))
                        .status()).as("the duplicate-source claim is shared").isEqualTo(409);
                HttpExchange dataset = a.post("/artifact/dataset", ingestBody("https://huggingface.co/datasets/bookcorpus/bookcorpus"));
                assertThat(dataset.status()).isEqualTo(201);
                HttpExchange code = a.post("/artifact/code", ingestBody("https://github.com/openai/whisper"));
                assertThat(code.status()).isEqualTo(201);
                String codeId = json(code).at("/metadata/id").asText();
                assertThat(json(b.post("/artifacts", "[{\"name\":\"*\"}]"))).hasSize(3);
                assertThat(json(b.get("/artifact/byName/bert-base-uncased")).get(0).get("id").asText()).isEqualTo(bertId);
                assertThat(b.post("/artifact/byRegEx", "{\"regex\":\"^bookcorpus$\"}").status()).isEqualTo(200);
                assertThat(b.get("/artifact/model/" + bertId + "/rate").status()).isEqualTo(200);
                assertThat(b.get("/artifact/model/" + bertId + "/lineage").status()).isEqualTo(200);
                assertThat(a.delete("/artifacts/code/" + codeId).status()).isEqualTo(200);
                assertThat(b.get("/artifacts/code/" + codeId).status()).isEqualTo(404);

                // a link signed by A downloads from B; the download is in the audit trail B reads next
                String linkFromA = json(a.get("/artifacts/model/" + bertId)).at("/data/download_url").asText();
                URI link = URI.create(linkFromA);
                HttpExchange download = b.fetchAbsolute(nodeB.baseUrl() + link.getRawPath() + "?" + link.getRawQuery());
                assertThat(download.status()).isEqualTo(200);
                assertThat(download.body().length).isGreaterThan(0);
                List<String> actions = new ArrayList<>();
                json(b.get("/artifact/model/" + bertId + "/audit")).forEach(e -> actions.add(e.get("action").asText()));
                assertThat(actions).containsExactly("CREATE", "DOWNLOAD");

                // a stream of writes on A, killed with SIGKILL halfway; every acknowledged one must be on B
                ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
                AtomicBoolean killed = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(4);
                List<String> models = List.of("openai/whisper-tiny", "parvk11/audience_classifier_model",
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
                for (String id : acknowledged) {
                    assertThat(b.get("/artifacts/model/" + id).status()).as("acknowledged %s", id).isEqualTo(200);
                }

                // the survivor carries on alone: it writes, and its reads show its writes
                HttpExchange later = b.post("/artifact/model", ingestBody("https://huggingface.co/google/gemma-3-270m"));
                assertThat(later.status()).isEqualTo(201);
                String laterId = json(later).at("/metadata/id").asText();
                assertThat(b.get("/artifacts/model/" + laterId).status()).isEqualTo(200);
                // writes the kill interrupted may or may not have reached the log; whatever is listed is whole
                List<String> listed = new ArrayList<>();
                json(b.post("/artifacts", "[{\"name\":\"*\",\"types\":[\"model\"]}]"))
                        .forEach(m -> listed.add(m.get("id").asText()));
                assertThat(listed).contains(bertId, laterId).containsAll(acknowledged);
                for (String id : listed) {
                    assertThat(b.get("/artifacts/model/" + id).status()).as("listed %s", id).isEqualTo(200);
                }
                assertThat(b.get("/health").status()).isEqualTo(200);
            }
        }
        assertThat(contract.violations()).isEmpty();
    }

    private static RegistryProcess node(Path jar, Path dir, Map<String, String> shared, String name) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        Map<String, String> environment = new HashMap<>(shared);
        environment.put("REGISTRY_DYNAMODB_NODE_ID", name);
        return new RegistryProcess(jar, dir.resolve("data"), environment);
    }
}
