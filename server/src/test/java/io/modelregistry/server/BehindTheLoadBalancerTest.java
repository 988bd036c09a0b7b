package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The AWS deployment terminates TLS at the load balancer, which forwards plain HTTP with {@code X-Forwarded-Proto},
 * {@code -Port} and {@code -For}. Without {@code server.forward-headers-strategy=native} (which the deployment now sets,
 * {@code SERVER_FORWARD_HEADERS_STRATEGY}) a node took every request for plain HTTP from the balancer: the signed
 * download links it answered were {@code http://} URLs, so a client's first request for a package sent the capability
 * in clear text before the balancer redirected it, and the login back-off counted every client's failures against the
 * balancer's one address, so 30 wrong passwords from anyone locked everyone out. Here the loopback peer stands in for
 * the balancer (Tomcat trusts forwarded headers only from internal addresses; the task's security group admits only
 * the balancer).
 */
@TestPropertySource(properties = {"server.forward-headers-strategy=native",
        "registry.auth.backoff.address-free-failures=6"})
class BehindTheLoadBalancerTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RegistryClient admin;

    @BeforeEach
    void resetRegistry() {
        admin = freshRegistry(exchange -> { });
    }

    @Test
    void aDownloadLinkAnsweredThroughTheBalancerIsAnHttpsUrl() throws Exception {
        ModelUploads.Uploaded model = ModelUploads.model(admin, "acme-behind-tls", "# acme-behind-tls\n");
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/artifacts/model/"
                        + model.id())).timeout(Duration.ofSeconds(30)).header("X-Authorization", admin.token())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.7").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        String link = JSON.readTree(read.body()).at("/data/download_url").asText();
        assertThat(link).startsWith("https://127.0.0.1/download/" + model.id() + "?");
        assertThat(read.headers().firstValue("Strict-Transport-Security")).as("the browser keeps to https")
                .hasValue("max-age=31536000");
    }

    @Test
    void theLoginBackOffCountsFailuresPerClientNotPerBalancer() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(login("guesser-" + i, "wrong password 123", "203.0.113.7").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login("guesser-6", "wrong password 123", "203.0.113.7");
        assertThat(locked.statusCode()).as("the guessing address waits").isEqualTo(429);
        HttpResponse<String> other = login(RegistryClient.ADMIN, RegistryClient.ADMIN_PASSWORD, "198.51.100.9");
        assertThat(other.statusCode()).as("another client behind the same balancer does not").isEqualTo(200);
    }

    private HttpResponse<String> login(String name, String password, String clientAddress) throws Exception {
        var body = JSON.createObjectNode();
        body.putObject("user").put("name", name).put("is_admin", false);
        body.putObject("secret").put("password", password);
        return HTTP.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/authenticate")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", clientAddress)
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
