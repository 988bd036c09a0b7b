package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sensitive model's card is part of its package (the {@code card} aspect), so it reaches people only through a
 * download its monitor vetted and the history recorded. The card read model kept a copy of the README outside the
 * package path: the card endpoint served it to anyone with {@code search}, and the regular-expression search over
 * READMEs answered, one pattern at a time, what the card says.
 */
class SensitiveCardTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Trained on the Orion merger documents";

    private RegistryClient admin;
    private RegistryClient searcher;
    private ModelUploads.Uploaded model;

    @BeforeEach
    void aSensitiveModelAndAUserWhoMaySearchOnly() throws Exception {
        admin = freshRegistry(exchange -> { });
        model = ModelUploads.model(admin, "acme-orion", "---\nlicense: mit\n---\n# acme-orion\n\n" + SECRET + ".\n");
        ObjectNode body = JSON.createObjectNode();
        body.putObject("user").put("name", "sam").put("is_admin", false);
        body.putObject("secret").put("password", "search-only password 1");
        body.putArray("permissions").add("search");
        assertThat(admin.post("/users", body.toString()).status()).isEqualTo(201);
        searcher = new RegistryClient(admin.baseUrl(), exchange -> { });
        assertThat(searcher.login("sam", "search-only password 1").status()).isEqualTo(200);
    }

    @Test
    void theCardOfAModelThatIsNotSensitiveIsServedWhole() {
        JsonNode card = json(searcher.get("/artifacts/model/" + model.id() + "/card"));
        assertThat(card.path("readme").asText()).contains(SECRET);
        assertThat(card.path("readme_withheld").asBoolean()).isFalse();
        assertThat(searcher.post("/artifact/byRegEx", "{\"regex\": \"Orion merger\"}").status()).isEqualTo(200);
    }

    @Test
    void theCardOfASensitiveModelIsWithheldFromTheCardEndpoint() {
        assertThat(admin.put("/artifact/model/" + model.id() + "/sensitive", null).status()).isEqualTo(200);
        for (RegistryClient reader : new RegistryClient[] {searcher, admin}) {
            HttpExchange read = reader.get("/artifacts/model/" + model.id() + "/card");
            assertThat(read.status()).isEqualTo(200);
            JsonNode card = json(read);
            assertThat(read.text()).doesNotContain(SECRET);
            assertThat(card.hasNonNull("readme")).isFalse();
            assertThat(card.path("readme_withheld").asBoolean()).isTrue();
            assertThat(card.path("name").asText()).isEqualTo("acme-orion");
        }
    }

    @Test
    void theRegexSearchDoesNotMatchTheReadmeOfASensitiveModel() {
        assertThat(admin.put("/artifact/model/" + model.id() + "/sensitive", null).status()).isEqualTo(200);
        // a match in the README alone would answer whether the card says this
        HttpExchange byCard = searcher.post("/artifact/byRegEx", "{\"regex\": \"Orion merger\"}");
        assertThat(byCard.status()).as(byCard.text()).isEqualTo(404);
        // its name is not secret: a match in the name still finds it
        HttpExchange byName = searcher.post("/artifact/byRegEx", "{\"regex\": \"^acme-or\"}");
        assertThat(byName.status()).isEqualTo(200);
        assertThat(json(byName).get(0).path("id").asText()).isEqualTo(model.id());
    }
}
