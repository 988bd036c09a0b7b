package io.modelregistry.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged registry jar started as a separate process, as a newcomer would run it, with its hubs and
 * data dir given through the environment. Output goes to a log file in the data dir's parent.
 */
public final class RegistryProcess implements AutoCloseable {

    private final Path jar;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private Duration lastStartup;
    private List<String> jvmOptions = List.of("-Xmx512m");
    // A machine shared with other builds can take longer; benchmarks may allow more (registry.startup-seconds).
    private Duration startTimeout = Duration.ofSeconds(Integer.getInteger("registry.startup-seconds", 90));

    public RegistryProcess(Path jar, Path dataDir, Map<String, String> environment) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.environment = environment;
        this.port = freePort();
    }

    /** JVM options for the next {@link #start} instead of the default {@code -Xmx512m}. */
    public RegistryProcess withJvmOptions(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    /** How long {@link #start} waits for {@code /health} (default 90 s; a small heap on a busy machine starts slower). */
    public RegistryProcess withStartTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Duration lastStartup() {
        return lastStartup;
    }

    /**
     * Starts the jar and waits (at most the start timeout: 90 s, or {@code registry.startup-seconds}, unless a test
     * sets its own) for {@code /health} to answer 200.
     */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        coverageAgent().ifPresent(command::add);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("registry-process.log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("REGISTRY_DATA_DIR", dataDir.toString());
        long started = System.nanoTime();
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = started + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("registry exited with " + process.exitValue() + "; see " + log());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    lastStartup = Duration.ofNanos(System.nanoTime() - started);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("registry did not answer /health within " + startTimeout.toSeconds()
                + " s; see " + log());
    }

    /** Stops the process gracefully (SIGTERM), as an operator would. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Kills the process with SIGKILL, as a crash or the OOM killer would: no shutdown hook, no flush. On Linux
     * {@link Process#destroyForcibly()} sends SIGKILL to the java process itself (started directly, no shell), so
     * the exit value is 137 (128 + 9); it is returned for the caller to check.
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("registry did not die within 30 s of SIGKILL");
        }
        return process.exitValue();
    }

    /** The operating-system process id of the running registry (for memory readings). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return dataDir.resolveSibling("registry-process.log");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * The build's coverage agent ({@code REGISTRY_COVERAGE_AGENT}, set by the server's failsafe configuration to
     * JaCoCo's {@code -javaagent} option): the jars the end-to-end tests start count towards the suite's coverage.
     * Anything else in the variable (such as the unresolved property of a build that skipped the agent) is ignored.
     */
    private static Optional<String> coverageAgent() {
        String agent = System.getenv("REGISTRY_COVERAGE_AGENT");
        return agent != null && agent.startsWith("-javaagent:") ? Optional.of(agent) : Optional.empty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }
}
