package io.modelregistry.server;

import static io.modelregistry.server.PackageDownloadTest.entries;
import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.fakehub.GitRepositories;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitHub source stores every file of the commit it was ingested at (fetched with git from the fake hub's git
 * server), so its full download and its code aspect hold exactly the repository's bytes.
 */
class GitHubPackageTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, byte[]> REPO = new LinkedHashMap<>();
    private static String commit;

    private RegistryClient client;

    @BeforeAll
    static void serveNanoGptOverGit(@TempDir Path repos) {
        REPO.put("README.md", "# nanoGPT\n\nThe simplest repository for training medium-sized GPTs.\n".getBytes(StandardCharsets.UTF_8));
        REPO.put("LICENSE", "MIT License\n\nCopyright (c) 2022 Andrej Karpathy\n".getBytes(StandardCharsets.UTF_8));
        REPO.put("model.py", "import torch\n\nclass GPT(torch.nn.Module):\n    pass\n".getBytes(StandardCharsets.UTF_8));
        REPO.put("train.py", "from model import GPT\n".getBytes(StandardCharsets.UTF_8));
        REPO.put("config/train_shakespeare_char.py", "batch_size = 64\n".getBytes(StandardCharsets.UTF_8));
        REPO.put("data/shakespeare_char/input.csv", "line,text\n1,First Citizen\n".getBytes(StandardCharsets.UTF_8));
        byte[] image = new byte[200_000];
        new SplittableRandom(11).nextBytes(image);
        REPO.put("assets/gpt2_124M_loss.png", image);
        // the recorded repository metadata names master as the default branch
        commit = GitRepositories.commit(repos, "karpathy", "nanoGPT", "master", REPO);
        HUB.serveGit(repos);
    }

    @AfterAll
    static void stopServingGit() {
        HUB.serveGit(null); // the hub is shared by every in-process test: serve no repository again
    }

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void theFullDownloadAndTheCodeAspectHoldExactlyTheRepositorysFilesAtTheIngestedCommit() throws Exception {
        HttpExchange created = client.post("/artifact/code", ingestBody("https://github.com/karpathy/nanoGPT"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = json(created).at("/metadata/id").asText();
        String link = json(created).at("/data/download_url").asText();

        HttpResponse<byte[]> full = get(link);
        Map<String, byte[]> files = entries(full.body());
        Set<String> expected = new HashSet<>(REPO.keySet());
        expected.add("registry-manifest.json");
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        REPO.forEach((path, bytes) -> assertThat(files.get(path)).as(path).isEqualTo(bytes));
        JsonNode provenance = JSON.readTree(files.get("registry-manifest.json"));
        assertThat(provenance.path("note").asText()).contains("stored every file of commit " + commit);
        assertThat(provenance.path("declared_bytes").asLong())
                .isEqualTo(REPO.values().stream().mapToLong(b -> b.length).sum());
        for (JsonNode file : provenance.path("files")) {
            assertThat(file.path("stored").asBoolean()).as(file.path("path").asText()).isTrue();
        }

        HttpResponse<byte[]> code = get(link + "&aspect=code");
        Map<String, byte[]> codeFiles = entries(code.body());
        assertThat(codeFiles.keySet()).containsExactlyInAnyOrder("model.py", "train.py",
                "config/train_shakespeare_char.py");
        codeFiles.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(REPO.get(path)));

        JsonNode cost = json(client.get("/artifact/code/" + id + "/cost/aspects"));
        assertThat(cost.at("/aspects/code/download_bytes").asLong()).isEqualTo(code.body().length);
        assertThat(cost.at("/full/download_bytes").asLong()).isEqualTo(full.body().length);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
