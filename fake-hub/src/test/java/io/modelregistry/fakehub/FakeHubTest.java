package io.modelregistry.fakehub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FakeHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeHub hub;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        hub = FakeHub.start();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String fixture(String path) throws IOException {
        try (InputStream in = FakeHubTest.class.getClassLoader().getResourceAsStream("hub-fixtures/" + path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listensOnLoopbackOnlyAndExposesBothEndpoints() {
        assertThat(hub.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(hub.hfEndpoint()).isEqualTo(hub.baseUrl() + "/huggingface");
        assertThat(hub.githubApiUrl()).isEqualTo(hub.baseUrl() + "/github");
    }

    @Nested
    class HuggingFace {

        @ParameterizedTest
        @ValueSource(strings = {
                "/huggingface/api/models/google-bert/bert-base-uncased",
                "/huggingface/api/models/google-bert/bert-base-uncased?blobs=true",
                "/huggingface/api/models/google-bert/bert-base-uncased/revision/main?blobs=true",
                "/huggingface/api/models/google-bert/bert-base-uncased/revision/86b5e0934494bd15c9632b12f734a8a67f723594",
                "/huggingface/api/models/google-bert/bert-base-uncased/"})
        void modelInfoIsTheFixtureWhateverTheRevisionOrQuery(String path) throws Exception {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/json"));
            assertThat(response.body()).isEqualTo(fixture("huggingface/api/models/google-bert/bert-base-uncased.json"));
        }

        @Test
        void refsAndDatasetsAreServed() throws Exception {
            assertThat(get("/huggingface/api/models/google-bert/bert-base-uncased/refs").body())
                    .isEqualTo(fixture("huggingface/api/models/google-bert/bert-base-uncased/refs.json"));
            assertThat(get("/huggingface/api/datasets/bookcorpus/bookcorpus?blobs=true").body())
                    .isEqualTo(fixture("huggingface/api/datasets/bookcorpus/bookcorpus.json"));
            assertThat(get("/huggingface/api/datasets/rajpurkar/squad/refs").body())
                    .isEqualTo(fixture("huggingface/api/datasets/rajpurkar/squad/refs.json"));
        }

        @ParameterizedTest
        @CsvSource({
                "/huggingface/google-bert/bert-base-uncased/resolve/main/README.md, huggingface/google-bert/bert-base-uncased/resolve/main/README.md",
                "/huggingface/google-bert/bert-base-uncased/resolve/86b5e0934494bd15c9632b12f734a8a67f723594/config.json, huggingface/google-bert/bert-base-uncased/resolve/main/config.json",
                "/huggingface/google-bert/bert-base-uncased/resolve/refs%2Fpr%2F1/config.json, huggingface/google-bert/bert-base-uncased/resolve/main/config.json",
                "/huggingface/openai/whisper-tiny/raw/main/README.md, huggingface/openai/whisper-tiny/resolve/main/README.md",
                "/huggingface/datasets/bookcorpus/bookcorpus/resolve/main/README.md, huggingface/datasets/bookcorpus/bookcorpus/resolve/main/README.md"})
        void filesResolveFromMainForAnyRevision(String path, String fixturePath) throws Exception {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(fixture(fixturePath));
            assertThat(response.headers().firstValue("X-Repo-Commit")).isPresent();
        }

        @Test
        void headAnswersWithoutBody() throws Exception {
            HttpResponse<String> response = send("HEAD", "/huggingface/google-bert/bert-base-uncased/resolve/main/config.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().firstValue("ETag")).isPresent();
        }

        @ParameterizedTest
        @CsvSource({
                "/huggingface/api/models/bert-base-uncased, /huggingface/api/models/google-bert/bert-base-uncased",
                "/huggingface/api/models/bert-base-uncased?blobs=true, /huggingface/api/models/google-bert/bert-base-uncased?blobs=true",
                "/huggingface/api/models/distilbert-base-uncased/revision/main, /huggingface/api/models/distilbert/distilbert-base-uncased/revision/main",
                "/huggingface/api/models/distilbert-base-uncased-finetuned-sst-2-english/refs, /huggingface/api/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english/refs",
                "/huggingface/api/datasets/squad, /huggingface/api/datasets/rajpurkar/squad",
                "/huggingface/api/datasets/bookcorpus, /huggingface/api/datasets/bookcorpus/bookcorpus",
                "/huggingface/api/datasets/imdb, /huggingface/api/datasets/stanfordnlp/imdb",
                "/huggingface/api/datasets/glue, /huggingface/api/datasets/nyu-mll/glue",
                "/huggingface/bert-base-uncased/resolve/main/config.json, /huggingface/google-bert/bert-base-uncased/resolve/main/config.json",
                "/huggingface/datasets/squad/resolve/main/README.md, /huggingface/datasets/rajpurkar/squad/resolve/main/README.md"})
        void legacyIdsRedirectLikeTheRealHub(String path, String location) throws Exception {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(307);
            assertThat(response.headers().firstValue("Location")).hasValue(location);
            assertThat(get(location).statusCode()).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "/huggingface/api/models/nobody/nothing",
                "/huggingface/api/models/no-such-legacy-model",
                "/huggingface/api/datasets/nobody/nothing",
                "/huggingface/api/models/bookcorpus/bookcorpus",
                "/huggingface/nobody/nothing/resolve/main/README.md",
                "/huggingface/datasets/nobody/nothing/resolve/main/README.md"})
        void unknownReposAnswerRepoNotFound(String path) throws Exception {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
            assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("Repository not found");
        }

        @Test
        void missingFilesAnswerEntryNotFound() throws Exception {
            HttpResponse<String> response = get("/huggingface/google-bert/bert-base-uncased/resolve/main/model.safetensors");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
        }

        @Test
        void gatedReposKeepInfoPublicButRefuseFiles() throws Exception {
            assertThat(get("/huggingface/api/models/google/gemma-3-270m").statusCode()).isEqualTo(200);
            HttpResponse<String> file = get("/huggingface/google/gemma-3-270m/resolve/main/config.json");
            assertThat(file.statusCode()).isEqualTo(401);
            assertThat(file.headers().firstValue("X-Error-Code")).hasValue("GatedRepo");
            assertThat(get("/huggingface/google-bert/bert-base-uncased/resolve/main/config.json").statusCode())
                    .isEqualTo(200);
        }

        @Test
        void modelListingFiltersSortsAndLimits() throws Exception {
            JsonNode all = JSON.readTree(get("/huggingface/api/models").body());
            assertThat(all).hasSize(JSON.readTree(fixture("huggingface/api/models.json")).size());

            JsonNode bert = JSON.readTree(get("/huggingface/api/models?search=BERT&limit=100").body());
            assertThat(bert).isNotEmpty().allSatisfy(m -> assertThat(m.path("id").asText().toLowerCase()).contains("bert"));

            JsonNode google = JSON.readTree(get("/huggingface/api/models?author=google").body());
            assertThat(google).isNotEmpty().allSatisfy(m -> assertThat(m.path("id").asText()).startsWith("google/"));

            JsonNode topTwo = JSON.readTree(get("/huggingface/api/models?sort=likes&direction=-1&limit=2").body());
            assertThat(topTwo).hasSize(2);
            assertThat(topTwo.get(0).path("likes").asLong()).isGreaterThanOrEqualTo(topTwo.get(1).path("likes").asLong());

            JsonNode datasets = JSON.readTree(get("/huggingface/api/datasets?search=squad").body());
            assertThat(datasets).hasSize(1);
            assertThat(datasets.get(0).path("id").asText()).isEqualTo("rajpurkar/squad");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "/huggingface/google-bert/bert-base-uncased/resolve/main/..%2F..%2F..%2FNOTES.md",
                "/huggingface/google-bert/bert-base-uncased/resolve/main/%2e%2e/%2e%2e/%2e%2e/NOTES.md",
                "/huggingface/api/models/%2e%2e/%2e%2e/NOTES.md",
                "/github/repos/..%5C..%5CNOTES.md/x"})
        void pathTraversalIsRefused(String path) throws Exception {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("hub-fixtures");
        }
    }

    @Nested
    class Synthetic {

        @Test
        void syntheticModelsAreGeneratedDeterministicallyAndConsistently() throws Exception {
            JsonNode info = JSON.readTree(get("/huggingface/api/models/synthetic/model-00042?blobs=true").body());
            assertThat(info.path("id").asText()).isEqualTo("synthetic/model-00042");
            assertThat(get("/huggingface/api/models/synthetic/model-00042").body())
                    .isEqualTo(get("/huggingface/api/models/synthetic/model-00042?blobs=true").body());

            String readme = get("/huggingface/synthetic/model-00042/resolve/main/README.md").body();
            assertThat(readme).contains("model-00042").startsWith("---\n");
            assertThat(readme.length()).isBetween(1800, 3000);
            String config = get("/huggingface/synthetic/model-00042/resolve/" + info.path("sha").asText() + "/config.json").body();
            assertThat(JSON.readTree(config).path("model_type").asText()).isEqualTo("bert");

            assertThat(info.path("siblings")).extracting(s -> s.path("rfilename").asText())
                    .contains("README.md", "config.json", "model.safetensors");
            for (JsonNode sibling : info.path("siblings")) {
                if (sibling.path("rfilename").asText().equals("README.md")) {
                    assertThat(sibling.path("size").asLong()).isEqualTo(readme.getBytes(StandardCharsets.UTF_8).length);
                }
                if (sibling.path("rfilename").asText().equals("config.json")) {
                    assertThat(sibling.path("size").asLong()).isEqualTo(config.getBytes(StandardCharsets.UTF_8).length);
                }
            }
        }

        @Test
        void distinctNamesGiveDistinctReposAndSizes() throws Exception {
            JsonNode a = JSON.readTree(get("/huggingface/api/models/synthetic/model-00001").body());
            JsonNode b = JSON.readTree(get("/huggingface/api/models/synthetic/model-00002").body());
            assertThat(a.path("sha").asText()).isNotEqualTo(b.path("sha").asText());
            assertThat(a.path("usedStorage").asLong()).isNotEqualTo(b.path("usedStorage").asLong());
            assertThat(get("/huggingface/synthetic/model-00001/resolve/main/README.md").body())
                    .isNotEqualTo(get("/huggingface/synthetic/model-00002/resolve/main/README.md").body());
        }

        @Test
        void syntheticWeightsAreListedButNotServed() throws Exception {
            assertThat(get("/huggingface/synthetic/model-00001/resolve/main/model.safetensors").headers()
                    .firstValue("X-Error-Code")).hasValue("EntryNotFound");
            assertThat(get("/huggingface/api/models/synthetic/" + "x".repeat(97)).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class GitHub {

        @ParameterizedTest
        @CsvSource({
                "/github/repos/google-research/bert, github/repos/google-research/bert.json",
                "/github/repos/Google-Research/BERT, github/repos/google-research/bert.json",
                "/github/repos/openai/whisper/contributors?per_page=100, github/repos/openai/whisper/contributors.json",
                "/github/repos/karpathy/nanoGPT/license, github/repos/karpathy/nanoGPT/license.json"})
        void recordedResourcesAreServed(String path, String fixturePath) throws Exception {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(fixture(fixturePath));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/github/repos/nobody/nothing", "/github/repos/openai/whisper/readme",
                "/github/repos/openai/whisper/git/trees/main", "/github/users/octocat"})
        void unknownAnswersGitHubsNotFound(String path) throws Exception {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("Not Found");
        }
    }

    @Nested
    class Hooks {

        @Test
        void failNextFailsOnlyTheNextMatchingRequest() throws Exception {
            hub.failNext("/github/repos/openai", 502);
            assertThat(get("/github/repos/google-research/bert").statusCode()).isEqualTo(200);
            assertThat(get("/github/repos/openai/whisper").statusCode()).isEqualTo(502);
            assertThat(get("/github/repos/openai/whisper").statusCode()).isEqualTo(200);
        }

        @Test
        void downAnswers503ToEverything() throws Exception {
            try (FakeHub other = FakeHub.start()) {
                other.setDown(true);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(other.hfEndpoint() + "/api/models/google-bert/bert-base-uncased")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(503);
                other.setDown(false);
                response = http.send(HttpRequest.newBuilder(
                        URI.create(other.hfEndpoint() + "/api/models/google-bert/bert-base-uncased")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(other.requestCount("/huggingface/api/models/google-bert")).isEqualTo(2);
                assertThat(other.requestCount("/")).isEqualTo(2);
                assertThat(other.requestCount("/github")).isZero();
            }
        }

        @Test
        void unknownTopLevelPathsAndMethodsAreRefused() throws Exception {
            assertThat(get("/").statusCode()).isEqualTo(404);
            assertThat(get("/etc/passwd").statusCode()).isEqualTo(404);
            assertThat(send("DELETE", "/github/repos/openai/whisper").statusCode()).isEqualTo(405);
        }
    }
}
