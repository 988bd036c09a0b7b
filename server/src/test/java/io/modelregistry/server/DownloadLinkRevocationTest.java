package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed download link is a capability read with a token, and it used to outlive that token: removing a user, or
 * taking away their {@code download} permission, revoked their tokens at once but left every link they had read
 * working for its whole lifetime (an hour by default). Now a link works only while its user exists and may download.
 */
class DownloadLinkRevocationTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "revocation password 123";

    private RegistryClient admin;
    private ModelUploads.Uploaded model;

    @BeforeEach
    void aModelUploadedByTheAdmin() throws Exception {
        admin = freshRegistry(exchange -> { });
        model = ModelUploads.model(admin, "acme-revocable", "# acme-revocable\n");
    }

    @Test
    void aRemovedUsersDownloadLinkStopsWorkingAtOnce() {
        RegistryClient carol = user("carol", List.of("search", "download"));
        String link = linkReadBy(carol);
        assertThat(admin.fetchAbsolute(link).status()).isEqualTo(200);

        assertThat(admin.delete("/users/carol").status()).isEqualTo(204);
        HttpExchange refused = admin.fetchAbsolute(link);
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(json(refused).path("message").asText()).contains("removed or may no longer download");
        assertThat(refused.header("ETag")).as("nothing of the zip is told").isNull();
        assertThat(admin.fetchAbsolute(model.link()).status()).as("other users' links still work").isEqualTo(200);
    }

    @Test
    void aUserWhoLosesTheDownloadPermissionCannotUseTheLinksReadBefore() {
        RegistryClient dave = user("dave", List.of("search", "download"));
        String link = linkReadBy(dave);
        assertThat(admin.fetchAbsolute(link + "&aspect=weights").status()).isEqualTo(200);

        assertThat(admin.put("/users/dave/permissions", grants(List.of("search"))).status()).isEqualTo(200);
        assertThat(admin.fetchAbsolute(link).status()).isEqualTo(403);
        assertThat(admin.fetchAbsolute(link + "&aspect=weights").status()).isEqualTo(403);

        // the check is of the account as it is now: given back, the unexpired link works again
        assertThat(admin.put("/users/dave/permissions", grants(List.of("search", "download"))).status())
                .isEqualTo(200);
        assertThat(admin.fetchAbsolute(link).status()).isEqualTo(200);
    }

    @Test
    void anUploaderWithoutTheDownloadPermissionGetsNoWorkingLinkFromTheUploadAnswer() throws Exception {
        RegistryClient erin = user("erin", List.of("upload"));
        ModelUploads.Uploaded own = ModelUploads.model(erin, "erin-model", "# erin-model\n");
        assertThat(admin.fetchAbsolute(own.link()).status()).isEqualTo(403);
        // the admin, who may download, reads the same package with a link of their own
        HttpExchange read = admin.get("/artifacts/model/" + own.id());
        assertThat(admin.fetchAbsolute(json(read).at("/data/download_url").asText()).status()).isEqualTo(200);
    }

    private RegistryClient user(String name, List<String> permissions) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("user").put("name", name).put("is_admin", false);
        body.putObject("secret").put("password", PASSWORD);
        permissions.forEach(body.putArray("permissions")::add);
        HttpExchange registered = admin.post("/users", body.toString());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        RegistryClient client = new RegistryClient(admin.baseUrl(), exchange -> { });
        assertThat(client.login(name, PASSWORD).status()).isEqualTo(200);
        return client;
    }

    private String linkReadBy(RegistryClient user) {
        HttpExchange read = user.get("/artifacts/model/" + model.id());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        String link = json(read).at("/data/download_url").asText();
        assertThat(link).contains("&u=");
        return link;
    }

    private static String grants(List<String> permissions) {
        ObjectNode body = JSON.createObjectNode().put("is_admin", false);
        permissions.forEach(body.putArray("permissions")::add);
        return body.toString();
    }
}
