package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import java.util.function.Consumer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry in this JVM, configured as the automated client's deployment ({@code advisory} gate: models a
 * strict gate would refuse are registered "not vetted"), against a fake hub. Subclasses share one Spring
 * context and one fake hub (both live as long as the test JVM); each test starts from a reset registry.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class InProcessRegistryTest {

    static final FakeHub HUB = FakeHub.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void advisoryRegistryOnFakeHub(DynamicPropertyRegistry registry) {
        RegistryTestEnvironment.register(registry, HUB, "advisory");
    }

    /** A client logged in as the default admin, after a reset; every exchange goes to {@code observer}. */
    RegistryClient freshRegistry(Consumer<HttpExchange> observer) {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, observer);
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertThat(client.delete("/reset").status()).isEqualTo(200);
        return client;
    }
}
