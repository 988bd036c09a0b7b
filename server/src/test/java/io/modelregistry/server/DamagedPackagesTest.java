package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A package or monitor program whose blob was lost or damaged on disk (an operator's mistake, a failing volume) is
 * answered with a clear error naming what is wrong, never with a broken zip; a group download naming too many
 * artifacts is refused before anything is read. Each case uploads a model of its own (a card of its own, so that no
 * other test shares its blobs) and damages its blobs in the filesystem blob store. One registry for all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DamagedPackagesTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern DIGEST = Pattern.compile("[?&]d=([0-9a-f]{64})");

    @Autowired
    BlobStore blobs;

    private RegistryClient client;

    @BeforeAll
    void oneRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void aPackageWhoseManifestIsGoneIsAnInternalErrorNamingTheArtifact() throws Exception {
        var model = ModelUploads.model(client, "damaged-missing", "# manifest lost " + System.nanoTime());
        Files.delete(manifestFile(model.link()));
        HttpResponse<byte[]> answer = get(model.link());
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(message(answer)).matches(asPattern(ErrorMessage.DOWNLOAD_STORED_PACKAGE_ARTIFACT_MISSING))
                .contains(model.id());
    }

    @Test
    void aManifestOverwrittenWithGarbageIsAnInternalErrorAndTheDownloadSendsNoZip() throws Exception {
        var model = ModelUploads.model(client, "damaged-malformed", "# manifest garbled " + System.nanoTime());
        Path manifest = manifestFile(model.link());
        Files.writeString(manifest, PackageManifest.HEADER + "\nthis line names no file\tat all\n");
        HttpResponse<byte[]> answer = get(model.link());
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(message(answer)).matches(asPattern(ErrorMessage.DOWNLOAD_PACKAGE_MANIFEST_ARTIFACT_MALFORMED))
                .contains(model.id());
        Files.delete(manifest);
    }

    @Test
    void aManifestLargerThanAnyTheRegistryWritesIsRefusedBeforeItIsRead() throws Exception {
        var model = ModelUploads.model(client, "damaged-large", "# manifest grown " + System.nanoTime());
        Path manifest = manifestFile(model.link());
        try (RandomAccessFile file = new RandomAccessFile(manifest.toFile(), "rw")) {
            file.setLength(64L * 1024 * 1024 + 1); // sparse: no 64 MiB written
        }
        HttpResponse<byte[]> answer = get(model.link());
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(message(answer)).matches(asPattern(ErrorMessage.DOWNLOAD_PACKAGE_MANIFEST_ARTIFACT_LARGER))
                .contains(model.id());
        Files.delete(manifest);
    }

    @Test
    void aPackageStoredAsOneZipServesItsWholeZipButNoAspect() throws Exception {
        var model = ModelUploads.model(client, "damaged-legacy", "# one zip " + System.nanoTime());
        Path manifest = manifestFile(model.link());
        // the shape of a package from before manifests: the package blob is the bundle zip itself
        byte[] bundle = TestZips.zip(TestZips.files("README.md", "# bundled"));
        Files.write(manifest, bundle);
        HttpResponse<byte[]> aspect = get(model.link() + "&aspect=weights");
        assertThat(aspect.statusCode()).isEqualTo(400);
        assertThat(message(aspect)).matches(asPattern(ErrorMessage.DOWNLOAD_PACKAGE_ARTIFACT_STORED_BEFORE))
                .contains(model.id());
        HttpResponse<byte[]> whole = get(model.link());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bundle);
        Files.delete(manifest);
    }

    @Test
    void aManifestNamingAHubFileOutsideItsRepositoryIsRefusedBeforeAnythingIsFetched() throws Exception {
        var model = ModelUploads.model(client, "damaged-remote", "# remote escape " + System.nanoTime());
        Path manifest = manifestFile(model.link());
        String absent = "ab".repeat(32);
        Files.write(manifest, new PackageManifest(List.of(PackageManifest.Entry.remote("model.safetensors", 10, absent,
                Aspect.WEIGHTS, new PackageManifest.Remote(SourceKind.HUGGINGFACE_MODEL, "arnir0/Tiny-LLM", "main",
                        "../../outside.bin")))).encode());
        int before = HUB.requestCount("/");
        HttpResponse<byte[]> answer = get(model.link() + "&aspect=weights");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(message(answer)).matches(asPattern(ErrorMessage.INGEST_PACKAGE_MANIFEST_NAMES_UNUSABLE));
        assertThat(HUB.requestCount("/")).as("nothing was asked of the hub").isEqualTo(before);
        assertThat(blobs.size(absent)).isEmpty();
        Files.delete(manifest);
    }

    @Test
    void aSensitiveModelWhoseMonitorProgramIsLostIsAnInternalErrorAndNothingIsSent() throws Exception {
        var model = ModelUploads.model(client, "damaged-monitor-lost", "# guarded " + System.nanoTime());
        Path program = guard(model.id(), "process.exit(0); // lost " + System.nanoTime() + "\n");
        Files.delete(program);
        HttpResponse<byte[]> read = send("GET", "/artifact/model/" + model.id() + "/monitor", null);
        assertThat(read.statusCode()).isEqualTo(500);
        assertThat(message(read)).matches(asPattern(ErrorMessage.SENSITIVE_MONITOR_PROGRAM_MISSING_BLOB));
        HttpResponse<byte[]> download = get(model.link());
        assertThat(download.statusCode()).isEqualTo(500);
        assertThat(message(download)).matches(asPattern(ErrorMessage.DOWNLOAD_MONITOR_PROGRAM_MISSING_BLOB))
                .contains(program.getFileName().toString());
    }

    @Test
    void aMonitorProgramWhoseStoredBytesDifferFromTheLogIsNotRunAndNothingIsSent() throws Exception {
        var model = ModelUploads.model(client, "damaged-monitor-grown", "# guarded " + System.nanoTime());
        Path program = guard(model.id(), "process.exit(0); // grown " + System.nanoTime() + "\n");
        Files.writeString(program, "process.exit(0);\n", StandardOpenOption.APPEND);
        HttpResponse<byte[]> download = get(model.link());
        assertThat(download.statusCode()).isEqualTo(500);
        assertThat(download.headers().firstValue("ETag")).as("no header of the zip is out").isEmpty();
        assertThat(message(download)).matches(asPattern(ErrorMessage.DOWNLOAD_MONITOR_PROGRAM_BYTES_LOG));
        Files.delete(program);
    }

    @Test
    void aGroupDownloadOfMoreThanTwentyArtifactsIsRefused() throws Exception {
        String ids = IntStream.rangeClosed(1, 21).mapToObj(i -> "id=" + (1000 + i)).collect(Collectors.joining("&"));
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact-groups/download?" + ids)).timeout(Duration.ofSeconds(30))
                .header("X-Authorization", client.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer)).matches(asPattern(ErrorMessage.DOWNLOAD_GROUP_DOWNLOAD_HOLDS_MOST)).contains("20");
    }

    /** Attaches {@code program} to the model and marks it sensitive; the program's blob file. */
    private Path guard(String id, String program) throws Exception {
        byte[] bytes = program.getBytes(StandardCharsets.UTF_8);
        assertThat(send("PUT", "/artifact/model/" + id + "/monitor", bytes).statusCode()).isEqualTo(200);
        HttpExchange marked = client.put("/artifact/model/" + id + "/sensitive", null);
        assertThat(marked.status()).as(marked.text()).isEqualTo(200);
        String digest = RegistryClient.json(marked).at("/monitor/sha256").asText();
        return blobs.localFile(digest).orElseThrow(() -> new AssertionError("no local blob " + digest));
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) {
        return client.sendBytes(method, path, body, "text/javascript");
    }

    private Path manifestFile(String link) throws Exception {
        Matcher digest = DIGEST.matcher(link);
        assertThat(digest.find()).as(link).isTrue();
        return blobs.localFile(digest.group(1)).orElseThrow(() -> new AssertionError("no local blob for " + link));
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String message(HttpResponse<byte[]> answer) throws Exception {
        return JSON.readTree(new String(answer.body(), StandardCharsets.UTF_8)).path("message").asText();
    }
}
