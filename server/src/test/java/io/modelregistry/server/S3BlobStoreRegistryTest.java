package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryTestEnvironment;
import io.modelregistry.server.support.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry started with {@code registry.blob-store=s3} against S3Proxy on loopback: the bucket is created at
 * start, an ingest stores every file as an S3 object, and the download zip assembled from those objects is the
 * package, whole and resumed. The store is in redirect mode, and still the zip is streamed: only a download that
 * is exactly one blob can be a presigned URL.
 */
@SpringBootTest(classes = RegistryServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3BlobStoreRegistryTest {

    static final FakeHub HUB = FakeHub.start();
    static final S3ProxyServer S3 = S3ProxyServer.start(temporaryDirectory());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    BlobStore blobs;

    @DynamicPropertySource
    static void registryOnS3(DynamicPropertyRegistry registry) {
        S3ProxyServer.provideCredentialsIfNoneAreSet();
        RegistryTestEnvironment.register(registry, HUB, "advisory");
        registry.add("registry.blob-store", () -> "s3");
        registry.add("registry.blob-store.s3.bucket", () -> "registry-blobs");
        registry.add("registry.blob-store.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("registry.blob-store.s3.path-style", () -> "true");
        registry.add("registry.blob-store.s3.part-size", () -> "5MB");
        registry.add("registry.blob-store.s3.download", () -> "redirect");
    }

    @AfterAll
    static void stopS3() throws Exception {
        S3.close();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("s3proxy-registry");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBlobStorePortIsServedByTheS3AdapterAndItsBucketWasCreatedAtStart() throws Exception {
        assertThat(blobs.getClass().getPackageName()).isEqualTo("io.modelregistry.command.blob.s3");
        assertThat(blobs.probe().writable()).isTrue();
        String digest = blobs.put(new ByteArrayInputStream("on s3".getBytes())).digest();
        assertThat(blobs.presignedDownload(digest, Duration.ofMinutes(1))).hasValueSatisfying(url ->
                assertThat(url.toString()).startsWith(S3.endpoint() + "/registry-blobs/blobs/" + digest.substring(0, 2)));
    }

    @Test
    void anIngestStoresItsFilesAsObjectsAndTheDownloadZipIsAssembledFromThemWholeAndResumed() throws Exception {
        RegistryClient client = new RegistryClient("http://127.0.0.1:" + port, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        assertThat(client.delete("/reset").status()).isEqualTo(200);
        var created = client.post("/artifact/model", ingestBody("https://huggingface.co/arnir0/Tiny-LLM"));
        assertThat(created.status()).isEqualTo(201);
        String link = json(created).at("/data/download_url").asText();

        HttpResponse<byte[]> full = get(link, Map.of());
        assertThat(full.statusCode()).as("a zip of many blobs is streamed, even in redirect mode").isEqualTo(200);
        assertThat(full.headers().firstValue("Location")).isEmpty();
        Map<String, byte[]> entries = entries(full.body());
        assertThat(entries).containsKeys("registry-manifest.json", "README.md", "config.json", "model.safetensors");
        assertThat(entries.get("model.safetensors")).hasSize(51_958_448);
        assertThat(blobs.list(null, 100)).hasSizeGreaterThan(5);

        String etag = full.headers().firstValue("ETag").orElseThrow();
        int cut = full.body().length / 3;
        HttpResponse<byte[]> rest = get(link, Map.of("Range", "bytes=" + cut + "-", "If-Range", etag));
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(full.body(), cut, full.body().length));
    }

    private static HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
