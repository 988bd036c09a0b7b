package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The life of a blob: a file above the eager limit is listed at ingest and fetched by the first download that
 * needs it (once, verified), a file already stored is not fetched again, and a sweep deletes what no live artifact
 * references. Here the eager limit is 1 MB, so Tiny-LLM's 52 MB {@code model.safetensors} is pulled through, and
 * the grace period is zero, so a sweep deletes every unreferenced blob at once. (The upload bounds are
 * {@link UploadBoundsTest}'s: with the same properties both classes run in one Spring context.)
 */
@TestPropertySource(properties = {"registry.packages.eager-max-bytes=1MB", "registry.blobs.sweep-grace=PT0S",
        "registry.blobs.sweep-interval=PT0S", UploadBoundsTest.ENTRY_BOUND, UploadBoundsTest.TOTAL_BOUND})
class BlobLifecycleTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String MIRROR = "arnir0/Tiny-LLM-mirror";

    @Autowired
    BlobStore blobs;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        HUB.mirror(MIRROR, "arnir0/Tiny-LLM");
        client = freshRegistry(exchange -> { });
    }

    @Test
    void aFileAboveTheEagerLimitIsFetchedOnceByConcurrentFirstDownloadsAndIsTheFileTheHubListed() throws Exception {
        Map<String, String> listed = listedSha256("arnir0/Tiny-LLM");
        String weights = resolvePath("arnir0/Tiny-LLM", "model.safetensors");
        int before = HUB.requestCount(weights);
        String link = ingest("https://huggingface.co/arnir0/Tiny-LLM");
        assertThat(HUB.requestCount(weights)).as("not fetched at ingest").isEqualTo(before);
        assertThat(blobs.size(listed.get("model.safetensors"))).isEmpty();
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        long announced = head.headers().firstValueAsLong("Content-Length").orElseThrow();

        int downloads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(downloads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < downloads; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return get(link);
                }));
            }
            start.countDown();
            byte[] first = null;
            for (Future<HttpResponse<byte[]>> response : responses) {
                HttpResponse<byte[]> r = response.get();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).as("the length announced before the fetch").hasSize((int) announced);
                first = first == null ? r.body() : first;
                assertThat(r.body()).isEqualTo(first);
            }
            Map<String, byte[]> entries = PackageDownloadTest.entries(first);
            assertThat(entries.get("model.safetensors")).hasSize(51_958_448);
            assertThat(PackageDownloadTest.sha256(entries.get("model.safetensors")))
                    .isEqualTo(listed.get("model.safetensors"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(HUB.requestCount(weights)).as("concurrent first downloads fetch once").isEqualTo(before + 1);
        assertThat(get(link + "&aspect=weights").statusCode()).isEqualTo(200);
        assertThat(HUB.requestCount(weights)).as("a stored file is not fetched again").isEqualTo(before + 1);
    }

    @Test
    void wrongBytesFromTheHubFailTheDownloadStoreNothingAndALaterDownloadFetchesAgain() throws Exception {
        Map<String, String> listed = listedSha256("arnir0/Tiny-LLM");
        String weights = resolvePath("arnir0/Tiny-LLM", "model.safetensors");
        String link = ingest("https://huggingface.co/arnir0/Tiny-LLM");

        HUB.corruptNext(weights);
        HttpResponse<byte[]> aspect = get(link + "&aspect=weights");
        assertThat(aspect.statusCode()).as("nothing was sent yet: a clean error").isEqualTo(502);
        assertThat(new String(aspect.body(), StandardCharsets.UTF_8)).contains("model.safetensors");
        assertThat(blobs.size(listed.get("model.safetensors"))).isEmpty();

        HUB.corruptNext(weights);
        Throwable cut = catchThrowable(() -> get(link));
        assertThat(cut).as("a full download whose headers are out is cut, not ended short as if complete")
                .isInstanceOf(IOException.class);
        assertThat(blobs.size(listed.get("model.safetensors"))).isEmpty();

        HttpResponse<byte[]> retried = get(link);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(PackageDownloadTest.sha256(PackageDownloadTest.entries(retried.body()).get("model.safetensors")))
                .isEqualTo(listed.get("model.safetensors"));
    }

    @Test
    void aListedFileTheHubNoLongerServesFailsItsDownloadAsABadGatewayAndALaterOneFetchesIt() throws Exception {
        Map<String, String> listed = listedSha256("arnir0/Tiny-LLM");
        String weights = resolvePath("arnir0/Tiny-LLM", "model.safetensors");
        String link = ingest("https://huggingface.co/arnir0/Tiny-LLM");

        HUB.failNext(weights, 404);
        HttpResponse<byte[]> gone = get(link + "&aspect=weights");
        assertThat(gone.statusCode()).as("nothing was sent yet: a clean error").isEqualTo(502);
        assertThat(JSON.readTree(gone.body()).path("message").asText())
                .matches(RefusedSourceUrlsTest.asPattern(ErrorMessage.INGEST_DID_SERVE_CANNOT_DOWNLOADED))
                .contains("model.safetensors").contains("arnir0/Tiny-LLM");
        assertThat(blobs.size(listed.get("model.safetensors"))).isEmpty();

        HUB.failNext(weights, 503);
        HttpResponse<byte[]> down = get(link + "&aspect=weights");
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(down.body()).path("message").asText())
                .matches(RefusedSourceUrlsTest.asPattern(ErrorMessage.INGEST_ANSWERED_WHILE_DOWNLOADING_TRY))
                .contains("503");
        assertThat(blobs.size(listed.get("model.safetensors"))).isEmpty();

        assertThat(get(link + "&aspect=weights").statusCode()).as("the hub serving it again").isEqualTo(200);
    }

    @Test
    void aSecondArtifactWithTheSameFilesFetchesNoneOfThemAndKeepsThemWhenTheFirstIsDeletedAndSwept()
            throws Exception {
        Map<String, String> listed = listedSha256(MIRROR);
        String firstLink = ingest("https://huggingface.co/arnir0/Tiny-LLM");
        assertThat(get(firstLink).statusCode()).isEqualTo(200); // pulls the weights through
        String mirrorTokenizer = resolvePath(MIRROR, "tokenizer.model");
        String mirrorWeights = resolvePath(MIRROR, "model.safetensors");
        String mirrorLink = ingest("https://huggingface.co/" + MIRROR);
        assertThat(HUB.requestCount(mirrorTokenizer)).as("an LFS file already stored is not fetched").isZero();

        String firstId = firstLink.replaceAll(".*/download/([^?]+)\\?.*", "$1");
        assertThat(client.delete("/artifacts/model/" + firstId).status()).isEqualTo(200);
        HttpExchange sweep = client.post("/blobs/sweep", "");
        assertThat(sweep.status()).isEqualTo(200);
        assertThat(json(sweep).path("deleted_blobs").asLong()).as("the first artifact's own blobs").isPositive();

        HttpResponse<byte[]> mirror = get(mirrorLink);
        assertThat(mirror.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = PackageDownloadTest.entries(mirror.body());
        assertThat(PackageDownloadTest.sha256(entries.get("model.safetensors"))).isEqualTo(listed.get("model.safetensors"));
        assertThat(PackageDownloadTest.sha256(entries.get("tokenizer.model"))).isEqualTo(listed.get("tokenizer.model"));
        assertThat(HUB.requestCount(mirrorWeights)).as("the shared weights were never fetched for the mirror").isZero();
    }

    @Test
    void aResetSweepsEveryBlobAndHealthReportsTheSweep() throws Exception {
        String link = ingest("https://huggingface.co/arnir0/Tiny-LLM");
        assertThat(get(link).statusCode()).isEqualTo(200);
        assertThat(blobs.list(null, 10)).isNotEmpty();

        assertThat(client.delete("/reset").status()).isEqualTo(200);
        assertThat(blobs.list(null, 10)).as("nothing is referenced after a reset").isEmpty();
        JsonNode health = JSON.readTree(client.get("/health/components").text());
        JsonNode blobStore = null;
        for (JsonNode component : health.path("components")) {
            if (component.path("id").asText().equals("blob-store")) {
                blobStore = component;
            }
        }
        assertThat(blobStore).isNotNull();
        assertThat(blobStore.toString()).contains("last_sweep_at").contains("\"blobs\"");
    }

    @Test
    void aSweepNeedsAToken() {
        assertThat(client.anonymous("POST", "/blobs/sweep", "").status()).isEqualTo(403);
    }

    private String ingest(String url) {
        HttpExchange created = client.post("/artifact/model", ingestBody(url));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return json(created).at("/data/download_url").asText();
    }

    private static Map<String, String> listedSha256(String repoId) throws Exception {
        JsonNode info = JSON.readTree(get(HUB.hfEndpoint() + "/api/models/" + repoId + "?blobs=true").body());
        Map<String, String> sha = new LinkedHashMap<>();
        for (JsonNode sibling : info.path("siblings")) {
            if (sibling.path("lfs").has("sha256")) {
                sha.put(sibling.path("rfilename").asText(), sibling.at("/lfs/sha256").asText());
            }
        }
        return sha;
    }

    private static String resolvePath(String repoId, String path) throws Exception {
        JsonNode info = JSON.readTree(get(HUB.hfEndpoint() + "/api/models/" + repoId + "?blobs=true").body());
        return "/huggingface/" + repoId + "/resolve/" + info.path("sha").asText() + "/" + path;
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
