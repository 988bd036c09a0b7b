package io.modelregistry.server.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.workload.NginxBaseline;
import io.modelregistry.workload.ServerProbe;
import io.modelregistry.workload.WorkloadMain;
import io.modelregistry.workload.WorkloadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@code workload.rounds} 3, {@code workload.max-seconds} 1800, {@code workload.nginx} the nginx binary). Writes
 * {@code server/target/workload-benchmark.json} (or the name in {@code workload.out}).
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
                defaults.seed());
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
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"))
                     .withJvmOptions(jvmOptions.toArray(String[]::new))
                     .withStartTimeout(Duration.ofSeconds(Integer.getInteger("registry.startup-seconds", 300)))) {
            registry.start();
            System.out.println("[workload-benchmark] registry JVM options: " + jvmOptions);
            Map<String, Object> result = WorkloadMain.run(parameters, registry.baseUrl(), WorkloadMain.DEFAULT_ADMIN,
                    WorkloadMain.DEFAULT_ADMIN_PASSWORD, ServerProbe.process(registry.pid()));
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
            System.out.println(json);
            Files.writeString(Path.of("target", System.getProperty("workload.out", "workload-benchmark.json")), json);
        }
    }
}
