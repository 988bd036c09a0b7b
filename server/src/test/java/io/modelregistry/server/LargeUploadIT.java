package io.modelregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A 2 GiB upload and its download through the packaged server with a 256 MiB heap: the zip is generated while it
 * is sent (never materialised in the test either), and the downloaded weights are hashed as they stream. The
 * server's GC log gives the peak heap in use during the upload (the heap just before each collection is the most
 * it held since the previous one). Set {@code -Dupload.it.bytes=N} to try another size.
 */
class LargeUploadIT {

    private static final long SIZE = Long.getLong("upload.it.bytes", 2L * 1024 * 1024 * 1024);
    private static final Pattern GC_LINE = Pattern.compile("GC\\(\\d+\\).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTwoGigabyteUploadStreamsThroughA256MegabyteHeapAndDownloadsIntact() throws Exception {
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        assertThat(jar).exists();
        Path work = RegistryProcess.tempDir("registry-large-upload");
        Path gcLog = work.resolve("gc.log");
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"))
                     .withJvmOptions("-Xmx256m", "-Xlog:gc:file=" + gcLog + ":uptime")
                     .withStartTimeout(Duration.ofMinutes(4))) {
            registry.start();
            RegistryClient client = new RegistryClient(registry.baseUrl(), exchange -> { });
            assertThat(client.loginAsAdmin().status()).isEqualTo(200);

            byte[] card = "---\nlicense: apache-2.0\n---\n# Big\nA large private model.\n".getBytes(StandardCharsets.UTF_8);
            byte[] config = "{\"model_type\": \"llama\"}".getBytes(StandardCharsets.UTF_8);
            long crc = zerosCrc(SIZE);
            String expectedSha = zerosSha256(SIZE);

            int uploadStart = lines(gcLog);
            long started = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create(registry.baseUrl() + "/artifact/model/upload?name=big-model&version=1.0.0"))
                    .timeout(Duration.ofMinutes(15))
                    .header("X-Authorization", client.token()).header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedZip(card, config, crc, writerFailure)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            int uploadEnd = lines(gcLog);
            assertThat(writerFailure.get()).isNull();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode artifact = JSON.readTree(created.body());
            String link = artifact.at("/data/download_url").asText();

            started = System.nanoTime();
            HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(link + "&aspect=weights"))
                    .timeout(Duration.ofMinutes(15)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            String downloadedSha;
            long downloadedBytes = 0;
            try (ZipInputStream zip = new ZipInputStream(download.body())) {
                ZipEntry entry = zip.getNextEntry();
                assertThat(entry.getName()).isEqualTo("model.safetensors");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 20];
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    downloadedBytes += n;
                }
                downloadedSha = HexFormat.of().formatHex(sha.digest());
                assertThat(zip.getNextEntry()).isNull();
            }
            double downloadSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(downloadedBytes).isEqualTo(SIZE);
            assertThat(downloadedSha).isEqualTo(expectedSha);

            long peakMiB = peakHeapMiB(gcLog, uploadStart, uploadEnd);
            System.out.printf("[large-upload] %d bytes: upload %.1f s, download %.1f s, peak heap in use during the"
                    + " upload %d MiB (-Xmx256m, from the GC log)%n", SIZE, uploadSeconds, downloadSeconds, peakMiB);
            assertThat(peakMiB).as("peak heap in use during the upload").isLessThan(256);
        }
    }

    /** README, config and {@code SIZE} zero bytes of weights, STORED, written into a pipe as the client reads it. */
    private static InputStream generatedZip(byte[] card, byte[] config, long crc, AtomicReference<Throwable> failure) {
        try {
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream pipe = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (ZipOutputStream zip = new ZipOutputStream(pipe)) {
                    writeSmall(zip, "README.md", card);
                    writeSmall(zip, "config.json", config);
                    ZipEntry weights = new ZipEntry("model.safetensors");
                    weights.setMethod(ZipEntry.STORED);
                    weights.setSize(SIZE);
                    weights.setCompressedSize(SIZE);
                    weights.setCrc(crc);
                    zip.putNextEntry(weights);
                    byte[] zeros = new byte[1 << 20];
                    for (long left = SIZE; left > 0; left -= zeros.length) {
                        zip.write(zeros, 0, (int) Math.min(zeros.length, left));
                    }
                    zip.closeEntry();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "zip-generator");
            writer.setDaemon(true);
            writer.start();
            return in;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeSmall(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static long zerosCrc(long size) {
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[1 << 20];
        for (long left = size; left > 0; left -= zeros.length) {
            crc.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return crc.getValue();
    }

    private static String zerosSha256(long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] zeros = new byte[1 << 20];
        for (long left = size; left > 0; left -= zeros.length) {
            sha.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static int lines(Path gcLog) throws IOException {
        return Files.exists(gcLog) ? Files.readAllLines(gcLog).size() : 0;
    }

    /**
     * The largest heap in use before any collection logged while the upload ran (log lines {@code from} to
     * {@code to}, plus the next one: the collection that ends the window saw what the window allocated).
     */
    private static long peakHeapMiB(Path gcLog, int from, int to) throws IOException {
        List<String> lines = Files.readAllLines(gcLog);
        long peak = 0;
        for (String line : lines.subList(from, Math.min(lines.size(), to + 1))) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }
}
