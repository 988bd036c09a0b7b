package io.modelregistry.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.error.RegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file an ingest streams is the file the hub listed, or the ingest fails with 502 and stores nothing: a hub
 * (or anything between it and us) that serves other bytes than it lists must not get them into a package.
 */
class VerifiedFilesTest {

    private static final byte[] WEIGHTS = "pretend these are weights".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path blobRoot;

    private HttpServer hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.stop(0);
        }
    }

    @Test
    void weightsWithTheListedSha256AreStoredAndListedAsStored() throws Exception {
        IngestHarness harness = hubListing(sha256(WEIGHTS), WEIGHTS.length, WEIGHTS);
        var content = harness.ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/acme/tiny").content();
        PackageFile weights = content.pkg().files().stream().filter(f -> f.path().equals("model.safetensors"))
                .findFirst().orElseThrow();
        assertThat(weights.stored()).isTrue();
        assertThat(weights.contentHash()).isEqualTo("sha256:" + sha256(WEIGHTS));
        assertThat(harness.blobs.open(sha256(WEIGHTS))).isPresent();
    }

    @Test
    void weightsWithAnotherSha256FailTheIngestWith502AndNothingIsStored() throws Exception {
        IngestHarness harness = hubListing("0".repeat(64), WEIGHTS.length, WEIGHTS);
        assertThatThrownBy(() -> harness.ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/acme/tiny"))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).kind())
                        .isEqualTo(RegistryException.Kind.UPSTREAM_UNAVAILABLE))
                .hasMessageContaining("model.safetensors").hasMessageContaining("sha-256");
        assertThat(harness.blobs.list(null, 10)).isEmpty();
    }

    @Test
    void weightsLongerOrShorterThanListedFailTheIngestAndNothingIsStored() throws Exception {
        IngestHarness longer = hubListing(sha256(WEIGHTS), WEIGHTS.length - 1, WEIGHTS);
        assertThatThrownBy(() -> longer.ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/acme/tiny"))
                .hasMessageContaining("more bytes");
        assertThat(longer.blobs.list(null, 10)).isEmpty();
        hub.stop(0);
        IngestHarness shorter = hubListing(sha256(WEIGHTS), WEIGHTS.length + 1, WEIGHTS);
        assertThatThrownBy(() -> shorter.ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/acme/tiny"))
                .hasMessageContaining("fewer bytes");
        assertThat(shorter.blobs.list(null, 10)).isEmpty();
    }

    /** A hub whose one model lists model.safetensors with the given hash and size, and serves {@code served}. */
    private IngestHarness hubListing(String listedSha256, long listedSize, byte[] served) throws IOException {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String info = "{\"id\":\"acme/tiny\",\"sha\":\"abc123\",\"siblings\":[{\"rfilename\":\"model.safetensors\","
                + "\"size\":" + listedSize + ",\"lfs\":{\"sha256\":\"" + listedSha256 + "\",\"size\":" + listedSize
                + "}}]}";
        hub.createContext("/hf/api/models/acme/tiny", exchange -> reply(exchange, info.getBytes(StandardCharsets.UTF_8)));
        hub.createContext("/hf/acme/tiny/resolve/abc123/model.safetensors", exchange -> reply(exchange, served));
        hub.start();
        String base = "http://127.0.0.1:" + hub.getAddress().getPort();
        return new IngestHarness(base + "/hf", base + "/gh", blobRoot.resolve("b" + System.nanoTime()),
                Duration.ofSeconds(10));
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
