package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The headers a browser needs from every answer: the UI may not be framed by another site (clickjacking of an
 * administrator's reset and delete buttons), no answer is sniffed into HTML, none leaves a Referer, and none that
 * carries tokens, signed links or private metadata is cached. A {@code <meta>} policy alone cannot forbid framing, so
 * these must be response headers, on refusals too.
 */
class SecurityHeadersTest extends InProcessRegistryTest {

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    @DisplayName("the web UI's page may not be framed by another site")
    void theWebUiMayNotBeFramed() {
        HttpExchange page = client.anonymous("GET", "/", null);
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("script-src 'self'").contains("object-src 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Strict-Transport-Security")).as("not over plain http").isNull();
    }

    @Test
    @DisplayName("API answers, refusals by the token filter included, are neither sniffed nor cached")
    void apiAnswersAreNeitherSniffedNorCached() {
        HttpExchange login = client.loginAsAdmin();
        HttpExchange health = client.anonymous("GET", "/health", null);
        HttpExchange refused = client.anonymous("GET", "/artifacts/model/1", null);
        HttpExchange read = client.post("/artifacts", "[{\"name\":\"*\"}]");
        assertThat(refused.status()).isEqualTo(403);
        for (HttpExchange answer : new HttpExchange[] {login, health, refused, read}) {
            assertThat(answer.header("X-Content-Type-Options")).as(answer.path()).isEqualTo("nosniff");
            assertThat(answer.header("Cache-Control")).as(answer.path()).contains("no-store");
            assertThat(answer.header("X-Frame-Options")).as(answer.path()).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as(answer.path()).contains("frame-ancestors 'none'");
        }
    }

    @Test
    @DisplayName("a download's file name keeps only letters, digits, dots, dashes and underscores of the artifact's name")
    void aDownloadsFileNameCannotCarryHeaderSyntax() throws Exception {
        ModelUploads.Uploaded model = ModelUploads.model(client, "evil\"; filename=x.exe; a=b ü", "# evil\n");
        HttpExchange served = client.fetchAbsolute(model.link() + "&aspect=card");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"evil___filename_x.exe__a_b__-card.zip\"");
    }

    @Test
    @DisplayName("a download refused before its first byte still carries the headers")
    void aDownloadRefusedAfterItsResponseWasResetKeepsTheHeaders() throws Exception {
        ModelUploads.Uploaded model = ModelUploads.model(client, "acme-headers", "# acme-headers\n");
        HttpExchange served = client.fetchAbsolute(model.link());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Cache-Control")).isEqualTo("private, no-store");
        // sensitive without a monitor program: the gate refuses after the handler reset its response
        assertThat(client.put("/artifact/model/" + model.id() + "/sensitive", null).status()).isEqualTo(200);
        HttpExchange refused = client.fetchAbsolute(model.link());
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refused.header("Cache-Control")).contains("no-store");
    }
}
