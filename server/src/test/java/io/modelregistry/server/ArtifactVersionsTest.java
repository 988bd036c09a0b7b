package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Versions end to end: a HuggingFace repository's semver tags become versions at ingest, each rated and
 * downloadable on its own; the contract's endpoints answer for the latest; {@code ?version=} picks another; and
 * search filters by version. Every exchange with a contract endpoint is validated against the contract, the
 * version extensions included (extra request fields and query parameters must not break it).
 */
class ArtifactVersionsTest extends InProcessRegistryTest {

    private static final ContractValidator CONTRACT = new ContractValidator();

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        // the versions listing and the rating history are extension paths, outside the contract; the rest is checked
        client = freshRegistry(exchange -> {
            if (!exchange.path().endsWith("/versions") && !exchange.path().endsWith("/rate/history")) {
                CONTRACT.check(withoutVersionParameter(exchange));
            }
        });
    }

    /**
     * {@code ?version=} is an extension the contract does not declare (its validator calls it "unexpected"): the
     * request is checked without it, the response in full, so a versioned answer keeps the contract's shape.
     */
    private static HttpExchange withoutVersionParameter(HttpExchange exchange) {
        if (exchange.query() == null || !exchange.query().contains("version=")) {
            return exchange;
        }
        String rest = String.join("&", java.util.Arrays.stream(exchange.query().split("&"))
                .filter(pair -> !pair.startsWith("version=")).toList());
        return new HttpExchange(exchange.method(), exchange.path(), rest.isEmpty() ? null : rest,
                exchange.requestBody(), exchange.token(), exchange.status(), exchange.headers(), exchange.body());
    }

    @Test
    void tinyLlmIsIngestedWithBothTagsAsVersionsEachRatedAndDownloadableAndTheContractAnswersForTheLatest() {
        String id = ingest("https://huggingface.co/arnir0/Tiny-LLM");

        HttpExchange listing = client.get("/artifacts/model/" + id + "/versions");
        assertThat(listing.status()).isEqualTo(200);
        JsonNode versions = json(listing);
        assertThat(versions).extracting(v -> v.path("version").asText()).containsExactly("1.1.0", "1.0.0");
        assertThat(versions).extracting(v -> v.path("latest").asBoolean()).containsExactly(true, false);
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.path("package_digest").asText()).matches("[0-9a-f]{64}");
            assertThat(v.path("declared_bytes").asLong()).isPositive();
            assertThat(v.path("registered_by").asText()).isEqualTo(RegistryClient.ADMIN);
            assertThat(v.path("licence").asText()).isNotBlank();
        });

        // the contract's read answers for the latest version: same package as 1.1.0's
        HttpExchange artifact = client.get("/artifacts/model/" + id);
        assertThat(artifact.status()).isEqualTo(200);
        assertThat(json(artifact).at("/data/download_url").asText())
                .contains("d=" + versions.get(0).path("package_digest").asText());
        HttpExchange older = client.get("/artifacts/model/" + id, "version=v1.0.0");
        assertThat(older.status()).isEqualTo(200);
        assertThat(json(older).at("/data/download_url").asText())
                .contains("d=" + versions.get(1).path("package_digest").asText());
        assertThat(client.get("/artifacts/model/" + id, "version=9.9.9").status()).isEqualTo(404);
        HttpExchange malformed = client.get("/artifacts/model/" + id, "version=latest");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json(malformed).path("message").asText()).contains("not a semantic version");

        // each version is rated
        assertThat(client.get("/artifact/model/" + id + "/rate").status()).isEqualTo(200);
        assertThat(client.get("/artifact/model/" + id + "/rate", "version=1.0.0").status()).isEqualTo(200);
        assertThat(client.get("/artifact/model/" + id + "/rate", "version=1.1.0").status()).isEqualTo(200);
        assertThat(client.get("/artifact/model/" + id + "/rate", "version=2.0.0").status()).isEqualTo(404);
        assertThat(json(client.get("/artifact/model/" + id + "/rate/history")))
                .extracting(r -> r.path("version").asText()).containsExactly("1.0.0", "1.1.0");

        // each version has its cost
        assertThat(client.get("/artifact/model/" + id + "/cost").status()).isEqualTo(200);
        assertThat(json(client.get("/artifact/model/" + id + "/cost", "version=1.0.0")).path(id)
                .path("total_cost").asDouble()).isPositive();
        assertThat(client.get("/artifact/model/" + id + "/cost", "version=3.0.0").status()).isEqualTo(404);

        // each version downloads, and the download records which version it was
        for (JsonNode version : versions) {
            HttpExchange download = client.fetchAbsolute(version.path("download_url").asText() + "&aspect=card");
            assertThat(download.status()).as("download of %s", version.path("version").asText()).isEqualTo(200);
        }
        List<String> downloaded = new ArrayList<>();
        for (JsonNode entry : json(client.get("/artifact/model/" + id + "/audit"))) {
            if (entry.path("action").asText().equals("DOWNLOAD")) {
                downloaded.add(entry.path("version").asText());
            }
        }
        assertThat(downloaded).containsExactly("1.1.0", "1.0.0");
        assertThat(CONTRACT.violations()).isEmpty();
    }

    @Test
    void searchByVersionThroughArtifactQueriesAndRegexFindsTheArtifactsWithAVersionInTheRange() {
        String tiny = ingest("https://huggingface.co/arnir0/Tiny-LLM");        // 1.0.0, 1.1.0
        String audience = ingest("https://huggingface.co/parvk11/audience_classifier_model");   // 1.0.0
        String books = ingestDataset("https://huggingface.co/datasets/bookcorpus/bookcorpus");  // 1.0.0 (no tag)

        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("1.1.0", List.of(tiny));
        cases.put("v1.0.0", List.of(tiny, audience, books));
        cases.put("1.0.1-1.1.0", List.of(tiny));
        cases.put("1.0.0-1.0.0", List.of(tiny, audience, books));
        cases.put("~1.1.0", List.of(tiny));
        cases.put("^1.0.0", List.of(tiny, audience, books));
        cases.put("^1.2.0", List.of());
        cases.put("1.1.0+build.9", List.of(tiny));
        for (var c : cases.entrySet()) {
            HttpExchange found = client.post("/artifacts",
                    "[{\"name\":\"*\",\"version\":\"" + c.getKey() + "\"}]");
            assertThat(found.status()).as(c.getKey()).isEqualTo(200);
            assertThat(json(found)).extracting(a -> a.path("id").asText()).as(c.getKey())
                    .containsExactlyElementsOf(c.getValue());
        }
        HttpExchange byNameAndVersion = client.post("/artifacts",
                "[{\"name\":\"audience_classifier_model\",\"version\":\"^1.0.0\",\"types\":[\"model\"]}]");
        assertThat(json(byNameAndVersion)).extracting(a -> a.path("id").asText()).containsExactly(audience);
        assertThat(json(client.post("/artifacts", "[{\"name\":\"Tiny-LLM\",\"version\":\"2.0.0\"}]"))).isEmpty();

        for (String bad : List.of("1.x", "^1", "2.0.0-1.0.0", "latest", ">=1.0.0")) {
            HttpExchange refused = client.post("/artifacts", "[{\"name\":\"*\",\"version\":\"" + bad + "\"}]");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(json(refused).path("message").asText()).as(bad).contains("is not a version query");
        }
        assertThat(client.post("/artifacts", "[{\"name\":\"*\",\"version\":7}]").status()).isEqualTo(400);

        HttpExchange regex = client.post("/artifact/byRegEx", "{\"regex\":\"Tiny|audience\",\"version\":\"1.1.0\"}");
        assertThat(regex.status()).isEqualTo(200);
        assertThat(json(regex)).extracting(a -> a.path("id").asText()).containsExactly(tiny);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"audience\",\"version\":\"^1.1.0\"}").status())
                .isEqualTo(404);
        assertThat(client.post("/artifact/byRegEx", "{\"regex\":\"audience\",\"version\":\"~x\"}").status())
                .isEqualTo(400);

        HttpExchange inRange = client.get("/artifacts/model/" + tiny + "/versions", "version=%5E1.1.0");
        assertThat(json(inRange)).extracting(v -> v.path("version").asText()).containsExactly("1.1.0");
        assertThat(CONTRACT.violations()).isEmpty();
    }

    private String ingest(String url) {
        HttpExchange created = client.post("/artifact/model", ingestBody(url));
        assertThat(created.status()).as(url).isEqualTo(201);
        return json(created).at("/metadata/id").asText();
    }

    private String ingestDataset(String url) {
        HttpExchange created = client.post("/artifact/dataset", ingestBody(url));
        assertThat(created.status()).as(url).isEqualTo(201);
        return json(created).at("/metadata/id").asText();
    }
}
