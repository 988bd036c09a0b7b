package io.modelregistry.query.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.modelregistry.api.artifact.MonitorVerdict;
import io.modelregistry.api.artifact.MonitorVerdict.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The monitor runner against real Node.js (the binary of {@code REGISTRY_NODE_BINARY} when set, as CI sets it to
 * Node 24, else {@code node} on the PATH): small programs that allow, refuse with output, hang, flood their output
 * and go looking for the server's secrets.
 */
class MonitorRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY_ZIP = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0};

    @TempDir
    Path temp;

    private MonitorRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    static String nodeBinary() {
        String configured = System.getenv("REGISTRY_NODE_BINARY");
        return configured == null || configured.isBlank() ? "node" : configured;
    }

    private MonitorRunner runner(Duration timeout, String sandbox, Map<String, String> environment) {
        MonitorProperties settings = new MonitorProperties(nodeBinary(), timeout, DataSize.ofKilobytes(64), 2,
                List.of("PATH", "LANG", "LC_ALL", "TZ"), sandbox);
        runner = new MonitorRunner(settings, temp.resolve("monitor-scratch"), environment);
        return runner;
    }

    private static Map<String, String> serverEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        env.put("AWS_SECRET_ACCESS_KEY", "s3cr3t-aws-key");
        env.put("HF_TOKEN", "hf_s3cr3t_token");
        env.put("REGISTRY_BLOB_STORE_S3_BUCKET", "s3cr3t-bucket");
        return env;
    }

    private static byte[] program(String name) throws IOException {
        try (InputStream in = MonitorRunnerTest.class.getResourceAsStream("/monitors/" + name)) {
            return in.readAllBytes();
        }
    }

    private MonitorVerdict run(MonitorRunner runner, String program, String model) throws IOException {
        return runner.run(new MonitorRunner.Invocation("ab".repeat(32), program(program), model, "uploader-ann",
                "downloader-bob"), out -> out.write(EMPTY_ZIP));
    }

    @Test
    void aProgramThatExitsZeroAllowsAndIsGivenTheModelTheUsersAndTheZipThatWouldBeSent() throws Exception {
        MonitorVerdict verdict = run(runner(Duration.ofSeconds(30), "permission", serverEnvironment()), "allow.js",
                "acme/tiny model");
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.ALLOWED);
        assertThat(verdict.exitCode()).isZero();
        JsonNode said = JSON.readTree(verdict.stdout());
        assertThat(said.path("model").asText()).isEqualTo("acme/tiny model");
        assertThat(said.path("uploader").asText()).isEqualTo("uploader-ann");
        assertThat(said.path("downloader").asText()).isEqualTo("downloader-bob");
        assertThat(said.path("zipBytes").asInt()).isEqualTo(EMPTY_ZIP.length);
        assertThat(said.path("isZip").asBoolean()).isTrue();
        assertThat(said.path("cwd").asText()).startsWith(temp.resolve("monitor-scratch").toRealPath().toString());
        assertThat(scratchLeft()).as("the scratch directory is deleted afterwards").isEmpty();
    }

    @Test
    void aProgramThatExitsOneRefusesAndItsOutputIsKept() throws Exception {
        MonitorVerdict verdict = run(runner(Duration.ofSeconds(30), "permission", serverEnvironment()), "refuse.js",
                "acme-secret");
        assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.stdout()).contains("policy 7: downloader-bob may not download acme-secret (uploaded by "
                + "uploader-ann)");
        assertThat(verdict.stderr()).contains("monitor: refusing");
        assertThat(verdict.reason()).contains("exited with code 1");
        assertThat(scratchLeft()).isEmpty();
    }

    @Test
    void aProgramThatHangsIsKilledAtTheTimeLimitAndRefuses() throws Exception {
        long started = System.nanoTime();
        MonitorVerdict verdict = run(runner(Duration.ofMillis(1500), "permission", serverEnvironment()), "hang.js",
                "m");
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(verdict.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.exitCode()).isNull();
        assertThat(verdict.reason()).contains("did not finish within 1500 ms");
        assertThat(millis).as("killed at the limit, not left to run").isGreaterThanOrEqualTo(1500).isLessThan(30_000);
        assertThat(scratchLeft()).isEmpty();
    }

    @Test
    void aHungProgramsChildrenAreKilledWithIt() throws Exception {
        // without the sandbox a program may start processes; the whole tree goes at the limit
        MonitorVerdict verdict = run(runner(Duration.ofSeconds(3), "none", serverEnvironment()), "hang-with-child.js",
                "m");
        assertThat(verdict.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(verdict.stdout()).startsWith("child ");
        long child = Long.parseLong(verdict.stdout().trim().substring("child ".length()));
        Optional<ProcessHandle> handle = ProcessHandle.of(child);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (handle.isPresent() && handle.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(handle.map(ProcessHandle::isAlive).orElse(false)).as("the child is killed too").isFalse();
    }

    @Test
    void aProgramThatPrintsMegabytesIsCappedAndNeverBlocked() throws Exception {
        MonitorVerdict verdict = run(runner(Duration.ofSeconds(60), "permission", serverEnvironment()), "chatty.js",
                "m");
        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.ALLOWED);
        assertThat(verdict.stdout().getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);
        assertThat(verdict.stderr().getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);
        assertThat(verdict.truncated()).isTrue();
        MonitorVerdict recorded = verdict.forRecord();
        assertThat(recorded.stdout()).hasSize(MonitorVerdict.RECORDED_CHARS);
        assertThat(recorded.truncated()).isTrue();
    }

    @Test
    void aProgramLookingForTheServersSecretsFindsNone() throws Exception {
        Files.writeString(temp.resolve("secret.txt"), "s3cr3t-signing-key");
        MonitorVerdict verdict = run(runner(Duration.ofSeconds(30), "permission", serverEnvironment()),
                "environment.js", "m");
        assertThat(verdict.outcome()).as(verdict.stderr()).isEqualTo(Outcome.ALLOWED);
        assertThat(verdict.stdout()).doesNotContain("s3cr3t");
        JsonNode report = JSON.readTree(verdict.stdout());
        List<String> names = iterable(report.path("env").fieldNames());
        assertThat(names).as("only the allow-list, HOME and TMPDIR").isSubsetOf("PATH", "LANG", "LC_ALL", "TZ", "HOME",
                "TMPDIR").contains("PATH", "HOME", "TMPDIR");
        assertThat(report.path("env").path("HOME").asText()).startsWith(temp.resolve("monitor-scratch").toRealPath()
                .toString());
        assertThat(report.path("parentEnviron").asText()).as("the server process's environment").startsWith("DENIED");
        assertThat(report.path("secretFile").asText()).as("files outside the scratch directory").startsWith("DENIED");
        assertThat(report.path("child").asText()).as("no child processes").startsWith("DENIED");
    }

    @Test
    void theNetworkStaysOpen() throws Exception {
        HttpServer audit = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        audit.createContext("/audit", exchange -> {
            byte[] body = ("logged " + exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        audit.start();
        try {
            String url = "http://127.0.0.1:" + audit.getAddress().getPort() + "/audit";
            MonitorVerdict verdict = run(runner(Duration.ofSeconds(30), "permission", serverEnvironment()),
                    "network.js", url);
            assertThat(verdict.outcome()).as(verdict.stdout() + verdict.stderr()).isEqualTo(Outcome.ALLOWED);
            assertThat(verdict.stdout()).contains("audit said 200 logged downloader=downloader-bob");
        } finally {
            audit.stop(0);
        }
    }

    @Test
    void noNodeBinaryIsUnavailableNeverAllowed() throws Exception {
        for (String sandbox : List.of("permission", "none")) {
            MonitorProperties settings = new MonitorProperties(temp.resolve("no-such-node").toString(),
                    Duration.ofSeconds(5), DataSize.ofKilobytes(64), 1, List.of("PATH"), sandbox);
            try (MonitorRunner missing = new MonitorRunner(settings, temp.resolve("monitor-scratch"),
                    serverEnvironment())) {
                MonitorVerdict verdict = missing.run(new MonitorRunner.Invocation("ab".repeat(32), program("allow.js"),
                        "m", "u", "d"), out -> out.write(EMPTY_ZIP));
                assertThat(verdict.outcome()).as(sandbox).isEqualTo(Outcome.UNAVAILABLE);
                assertThat(verdict.allowed()).isFalse();
                assertThat(verdict.reason()).contains("could not be started");
            }
        }
        assertThat(scratchLeft()).isEmpty();
    }

    @Test
    void scratchDirectoriesACrashLeftBehindAreRemovedWhenTheRunnerStarts() throws Exception {
        Path left = Files.createDirectories(temp.resolve("monitor-scratch").resolve("run-12345"));
        Files.write(left.resolve("model.zip"), EMPTY_ZIP);
        runner(Duration.ofSeconds(5), "permission", serverEnvironment());
        assertThat(scratchLeft()).isEmpty();
    }

    private List<Path> scratchLeft() throws IOException {
        Path root = temp.resolve("monitor-scratch");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> left = Files.list(root)) {
            return left.toList();
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
