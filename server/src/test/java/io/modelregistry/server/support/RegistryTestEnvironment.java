package io.modelregistry.server.support;

import io.modelregistry.fakehub.FakeHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points an in-process registry at a fake hub, a fresh data dir and an ingest-gate policy. */
public final class RegistryTestEnvironment {

    /**
     * The fake hub serves the bytes of Tiny-LLM's files only (52 MB at most); the large weights other fixtures list
     * would answer 404 to a download's pull-through, so above this they stay listed only, as the fake can serve.
     */
    public static final String FAKE_HUB_FILE_BYTES = "256MB";

    private RegistryTestEnvironment() {
    }

    public static void register(DynamicPropertyRegistry registry, FakeHub hub, String gatePolicy) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("registry-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        registry.add("HF_ENDPOINT", hub::hfEndpoint);
        registry.add("GITHUB_API_URL", hub::githubApiUrl);
        registry.add("GITHUB_SERVER_URL", hub::gitServerUrl);
        registry.add("registry.data-dir", dataDir::toString);
        registry.add("REGISTRY_INGEST_GATE", () -> gatePolicy);
        // a shared test context's log holds every earlier test's events, and an as_of read replays them all; on a
        // loaded machine that can pass the default bound of 10 s (the bound itself is tested with 1 ns)
        registry.add("registry.time-travel.timeout", () -> "PT60S");
        registry.add("REGISTRY_PULL_THROUGH_MAX_BYTES", () -> FAKE_HUB_FILE_BYTES);
        Path wrapper = nodeForMonitors(dataDir);
        if (wrapper != null) {
            registry.add("registry.monitor.node-binary", wrapper::toString);
        }
    }

    /**
     * The monitors' Node.js behind a script of this registry's own ({@code REGISTRY_NODE_BINARY}, else the first
     * {@code node} on the PATH), so that a test can take the binary away under running traffic and put it back, as
     * an operator's upgrade gone wrong would; null when there is no Node.js (the monitors' tests say so themselves).
     */
    private static Path nodeForMonitors(Path dataDir) {
        String configured = System.getenv("REGISTRY_NODE_BINARY");
        Path node = configured != null && !configured.isBlank() ? Path.of(configured) : null;
        if (node == null) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, "node");
                if (Files.isExecutable(candidate)) {
                    node = candidate.toAbsolutePath();
                    break;
                }
            }
        }
        if (node == null || node.toString().contains("'")) {
            return null;
        }
        try {
            Path wrapper = dataDir.resolve("node-for-monitors");
            Files.writeString(wrapper, "#!/bin/sh\nexec '" + node + "' \"$@\"\n");
            wrapper.toFile().setExecutable(true);
            return wrapper;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
