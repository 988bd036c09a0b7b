package io.modelregistry.server.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.S3ProxyServer;
import io.modelregistry.workload.NginxBaseline;
import io.modelregistry.workload.ServerProbe;
import io.modelregistry.workload.WorkloadMain;
import io.modelregistry.workload.WorkloadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: the workload of docs/performance.md at full size against the packaged jar. It starts the fake hub
 * in this JVM and {@code java -jar registry-server.jar} (plain, default ergonomics; {@code benchmark.jvm-options}
 * adds options, e.g. {@code -XX:StartFlightRecording=filename=target/workload.jfr,settings=profile}) on a fresh data
 * dir, then runs the workload module against it through the public API, with the clients in this JVM and the server's
 * CPU and memory read from {@code /proc/PID}, and nginx (required) as the baseline in the same run. Run with
 * <pre>
 * mvn -o -q install -DskipTests && mvn -o -Pbenchmark verify -pl server -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WorkloadBenchmark
 * </pre>
 * (system properties {@code workload.models} 500, {@code workload.clients} 100, {@code workload.downloads} 2,
 * {@code workload.rounds} 3, {@code workload.max-seconds} 1800, {@code workload.nginx} the nginx binary,
 * {@code workload.file} a file of Tiny-LLM, e.g. {@code model.safetensors}, downloaded alone as a third kind through the
 * HuggingFace-compatible route: the one download {@code blobs=s3-redirect} answers with a redirect). Writes
 * {@code server/target/workload-benchmark.json} (or the name in {@code workload.out}).
 *
 * <p>{@code benchmark.configuration} swaps components of the embedded default for their scale-out adapters, each on the
 * loopback server the integration tests use: a comma-separated list of {@code event-store=dynamodb} (dynalite),
 * {@code blobs=s3-stream} or {@code blobs=s3-redirect} (S3Proxy in this JVM; the node streams every download, or
 * redirects single-blob downloads to a presigned URL) and {@code read-models=opensearch} (an OpenSearch node in this
 * JVM). Empty (the default): the embedded default.
 */
class WorkloadBenchmark {

    @Test
    void measure() throws Exception {
        WorkloadParameters defaults = WorkloadParameters.defaults();
        WorkloadParameters parameters = new WorkloadParameters(Integer.getInteger("workload.models", 500),
                Integer.getInteger("workload.seed-threads", defaults.seedThreads()), defaults.minModelBytes(),
                defaults.maxModelBytes(), Integer.getInteger("workload.clients", 100),
                Integer.getInteger("workload.downloads", 2), Integer.getInteger("workload.rounds", 3),
                Duration.ofSeconds(Integer.getInteger("workload.max-seconds", 1800)), defaults.sourceUrl(), true,
                defaults.seed(), System.getProperty("workload.file", defaults.file()));
        // every figure is a ratio to nginx measured in the same run: without it the run would mean nothing here
        NginxBaseline.binary().orElseThrow(() -> new IllegalStateException("The workload benchmark reports every "
                + "figure against nginx, which is not installed (apt-get install nginx-light, or "
                + "-Dworkload.nginx=/path/to/nginx)"));
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        Path work = RegistryProcess.tempDir("registry-workload-benchmark");
        List<String> jvmOptions = new ArrayList<>();
        for (String option : System.getProperty("benchmark.jvm-options", "").split(" ")) {
            if (!option.isBlank()) {
                jvmOptions.add(option);
            }
        }
        Map<String, String> configuration = configuration(System.getProperty("benchmark.configuration", ""));
        try (FakeHub hub = FakeHub.start();
             S3ProxyServer s3 = configuration.getOrDefault("blobs", "filesystem").startsWith("s3-")
                     ? S3ProxyServer.start(Files.createDirectories(work.resolve("s3"))) : null;
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"),
                     environment(configuration, hub, s3))
                     .withJvmOptions(jvmOptions.toArray(String[]::new))
                     .withStartTimeout(Duration.ofSeconds(Integer.getInteger("registry.startup-seconds", 300)))) {
            registry.start();
            System.out.println("[workload-benchmark] registry JVM options: " + jvmOptions);
            System.out.println("[workload-benchmark] configuration: " + configuration);
            Map<String, Object> result = new LinkedHashMap<>(Map.of("configuration", configuration));
            // the machine is shared: what else was running is part of the result
            String loadAtStart = loadAverage();
            result.putAll(WorkloadMain.run(parameters, registry.baseUrl(), WorkloadMain.DEFAULT_ADMIN,
                    WorkloadMain.DEFAULT_ADMIN_PASSWORD, ServerProbe.process(registry.pid())));
            result.put("load_average", Map.of("at_start", loadAtStart, "at_end", loadAverage()));
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
            System.out.println(json);
            Files.writeString(Path.of("target", System.getProperty("workload.out", "workload-benchmark.json")), json);
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} gives them ("" where there is none). */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** {@code component=adapter} pairs; only the combinations the class comment names. */
    static Map<String, String> configuration(String text) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split("=", 2);
            String component = parts[0];
            String adapter = parts.length == 2 ? parts[1] : "";
            boolean known = switch (component) {
                case "event-store" -> adapter.equals("jdbc") || adapter.equals("dynamodb");
                case "blobs" -> adapter.equals("filesystem") || adapter.equals("s3-stream")
                        || adapter.equals("s3-redirect");
                case "read-models" -> adapter.equals("embedded") || adapter.equals("opensearch");
                default -> false;
            };
            if (!known) {
                throw new IllegalArgumentException("benchmark.configuration: unknown " + pair + " (event-store=jdbc|"
                        + "dynamodb, blobs=filesystem|s3-stream|s3-redirect, read-models=embedded|opensearch)");
            }
            chosen.put(component, adapter);
        }
        return chosen;
    }

    /** The registry's environment for {@code configuration}, as the scale-out integration tests set it. */
    private static Map<String, String> environment(Map<String, String> configuration, FakeHub hub, S3ProxyServer s3) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory",
                // dynalite and S3Proxy check only the shape of a signature
                "AWS_ACCESS_KEY_ID", "workload-benchmark", "AWS_SECRET_ACCESS_KEY", "workload-benchmark"));
        if (configuration.getOrDefault("event-store", "jdbc").equals("dynamodb")) {
            environment.putAll(Map.of(
                    "REGISTRY_EVENT_STORE", "dynamodb",
                    "REGISTRY_DYNAMODB_ENDPOINT", Dynalite.shared().endpoint().toString(),
                    "REGISTRY_DYNAMODB_REGION", "us-east-1",
                    "REGISTRY_DYNAMODB_TABLE_PREFIX", Dynalite.freshPrefix("workload"),
                    "REGISTRY_DYNAMODB_NODE_ID", "workload-node",
                    // nodes on a shared log must share the download-link secret; any fixed one does for one node
                    "REGISTRY_DOWNLOAD_SIGNING_KEY", Base64.getEncoder().encodeToString(
                            "the-workload-benchmark-download-link-secret".getBytes(StandardCharsets.UTF_8))));
        }
        if (s3 != null) {
            environment.putAll(Map.of(
                    "REGISTRY_BLOB_STORE", "s3",
                    "REGISTRY_BLOB_STORE_S3_BUCKET", "workload-blobs",
                    "REGISTRY_BLOB_STORE_S3_ENDPOINT", s3.endpoint().toString(),
                    "REGISTRY_BLOB_STORE_S3_PATH_STYLE", "true",
                    "REGISTRY_BLOB_STORE_S3_REGION", "us-east-1",
                    "REGISTRY_BLOB_STORE_S3_DOWNLOAD", configuration.get("blobs").equals("s3-redirect") ? "redirect"
                            : "stream"));
        }
        if (configuration.getOrDefault("read-models", "embedded").equals("opensearch")) {
            environment.putAll(Map.of(
                    "REGISTRY_READ_MODELS", "opensearch",
                    "REGISTRY_OPENSEARCH_ENDPOINT", OpenSearchNode.endpoint().toString(),
                    "REGISTRY_OPENSEARCH_INDEX_PREFIX", OpenSearchNode.uniquePrefix("workload")));
        }
        return environment;
    }
}
