package io.modelregistry.server;

import static io.modelregistry.server.PackageDownloadTest.entries;
import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.server.support.ContractValidator;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cost of each aspect is the length its download sends, and a model's datasets aspect holds the packages of
 * the datasets its lineage links to that are registered here, under {@code datasets/<name>/}.
 */
class AspectCostAndLinkedDatasetsTest extends InProcessRegistryTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ContractValidator CONTRACT = new ContractValidator();
    private static final List<String> DOWNLOADABLE = List.of("weights", "card", "config", "code", "datasets");

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void theCostOfEachAspectIsExactlyTheLengthItsDownloadSends() throws Exception {
        JsonNode created = ingest("model", "https://huggingface.co/arnir0/Tiny-LLM");
        String id = created.at("/metadata/id").asText();
        String link = created.at("/data/download_url").asText();

        HttpExchange aspectsExchange = client.get("/artifact/model/" + id + "/cost/aspects");
        assertThat(aspectsExchange.status()).isEqualTo(200);
        JsonNode cost = json(aspectsExchange);
        assertThat(cost.path("artifact_id").asText()).isEqualTo(id);

        HttpResponse<byte[]> full = get(link, Map.of());
        assertThat(cost.at("/full/download_bytes").asLong()).isEqualTo(full.body().length)
                .isEqualTo(full.headers().firstValueAsLong("Content-Length").orElseThrow());
        assertThat(cost.at("/full/files").asInt()).isEqualTo(entries(full.body()).size());
        assertThat(cost.at("/full/stored_bytes").asLong()).isEqualTo(
                entries(full.body()).values().stream().mapToLong(b -> b.length).sum());
        long storedOfAspects = 0;
        long declaredOfAspects = 0;
        for (String aspect : DOWNLOADABLE) {
            JsonNode part = cost.path("aspects").path(aspect);
            HttpResponse<byte[]> download = get(link + "&aspect=" + aspect, Map.of());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(part.path("download_bytes").asLong()).as(aspect)
                    .isEqualTo(download.headers().firstValueAsLong("Content-Length").orElseThrow())
                    .isEqualTo(download.body().length);
            Map<String, byte[]> files = entries(download.body());
            assertThat(part.path("files").asInt()).as(aspect).isEqualTo(files.size());
            assertThat(part.path("stored_bytes").asLong()).as(aspect)
                    .isEqualTo(files.values().stream().mapToLong(b -> b.length).sum());
            if (aspect.equals("datasets")) {
                // Tiny-LLM has no data files, and declares a dataset (fineweb) this registry does not hold
                assertThat(files.keySet()).containsExactly("datasets/MISSING.txt");
                assertThat(new String(files.get("datasets/MISSING.txt"), StandardCharsets.UTF_8))
                        .contains("HuggingFaceFW/fineweb").contains("not registered here");
            } else {
                storedOfAspects += part.path("stored_bytes").asLong();
            }
            declaredOfAspects += part.path("declared_bytes").asLong();
        }
        JsonNode other = cost.at("/aspects/other");
        assertThat(other.has("download_bytes")).as("other is only in the full package: no download of its own").isFalse();
        assertThat(other.has("stored_bytes")).isTrue();
        assertThat(storedOfAspects + other.path("stored_bytes").asLong()).as("every stored file is in one aspect").isEqualTo(cost.at("/full/stored_bytes").asLong());
        assertThat(declaredOfAspects + other.path("declared_bytes").asLong())
                .as("without linked datasets the aspects add up to the listing").isEqualTo(cost.at("/full/declared_bytes").asLong());
        assertThat(cost.at("/aspects/weights/declared_bytes").asLong()).isEqualTo(51_958_448L);

        HttpExchange contract = client.get("/artifact/model/" + id + "/cost");
        CONTRACT.check(contract);
        assertThat(CONTRACT.violations()).isEmpty();
        assertThat(json(contract).path(id).path("total_cost").asDouble()).as("the contract's cost is unchanged: MB of the declared size")
                .isEqualTo(new BigDecimal(cost.at("/full/declared_bytes").asLong())
                        .divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP).doubleValue());
        assertThat(client.get("/artifact/dataset/" + id + "/cost/aspects").status()).as("wrong type").isEqualTo(404);
        assertThat(client.get("/artifact/model/not_an_id/cost/aspects").status()).isEqualTo(400);
    }

    @Test
    void aModelsDatasetsAspectHoldsTheFilesOfItsLinkedDatasetWithTheirBytes() throws Exception {
        JsonNode squad = ingest("dataset", "https://huggingface.co/datasets/rajpurkar/squad");
        JsonNode model = ingest("model", "https://huggingface.co/FabianWillner/bert-base-uncased-finetuned-squad");
        String modelId = model.at("/metadata/id").asText();
        String link = model.at("/data/download_url").asText();

        Map<String, byte[]> datasetFiles = entries(get(squad.at("/data/download_url").asText(), Map.of()).body());
        assertThat(datasetFiles).containsKeys("README.md", "registry-manifest.json");
        HttpResponse<byte[]> datasets = get(link + "&aspect=datasets", Map.of());
        assertThat(datasets.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = entries(datasets.body());
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(
                datasetFiles.keySet().stream().map(path -> "datasets/squad/" + path).toList());
        datasetFiles.forEach((path, bytes) ->
                assertThat(files.get("datasets/squad/" + path)).as(path).isEqualTo(bytes));
        assertThat(entries(get(link, Map.of()).body()).keySet()).as("the full package is the model's own")
                .noneMatch(path -> path.startsWith("datasets/squad/"));

        JsonNode cost = json(client.get("/artifact/model/" + modelId + "/cost/aspects")).at("/aspects/datasets");
        assertThat(cost.path("download_bytes").asLong()).isEqualTo(datasets.body().length)
                .isEqualTo(datasets.headers().firstValueAsLong("Content-Length").orElseThrow());
        assertThat(cost.at("/linked_datasets/0/artifact_id").asText()).isEqualTo(squad.at("/metadata/id").asText());
        assertThat(cost.at("/linked_datasets/0/folder").asText()).isEqualTo("datasets/squad");

        String etag = datasets.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).endsWith("-datasets\"").doesNotContain(model.at("/metadata/id").asText());
        int cut = datasets.body().length / 3;
        HttpResponse<byte[]> rest = get(link + "&aspect=datasets", Map.of("Range", "bytes=" + cut + "-", "If-Range", etag));
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(datasets.body(), cut, datasets.body().length));

        assertThat(client.delete("/artifacts/dataset/" + squad.at("/metadata/id").asText()).status()).isEqualTo(200);
        HttpResponse<byte[]> without = get(link + "&aspect=datasets", Map.of("Range", "bytes=" + cut + "-", "If-Range", etag));
        assertThat(without.statusCode()).as("the linked dataset changed: the whole body, under a new ETag").isEqualTo(200);
        assertThat(without.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        Map<String, byte[]> afterDelete = entries(without.body());
        assertThat(afterDelete.keySet()).containsExactly("datasets/MISSING.txt");
        assertThat(new String(afterDelete.get("datasets/MISSING.txt"), StandardCharsets.UTF_8))
                .contains("squad").contains("not registered here");
    }

    private JsonNode ingest(String type, String url) {
        HttpExchange created = client.post("/artifact/" + type, ingestBody(url));
        assertThat(created.status()).as(url + ": " + created.text()).isEqualTo(201);
        return json(created);
    }

    private static HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
