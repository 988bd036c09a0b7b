package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;

/**
 * The bounds on what an upload inflates to, counted on the bytes as they inflate, reach the client as a 400 with
 * the bound's own message and store nothing. The bounds are a few MB here (the defaults are 8 and 16 GB); the
 * entries are stored, not deflated, so that the compression-ratio bound cannot refuse them first. The properties
 * are {@link BlobLifecycleTest}'s as well, so that both classes share one Spring context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"registry.packages.eager-max-bytes=1MB", "registry.blobs.sweep-grace=PT0S",
        "registry.blobs.sweep-interval=PT0S", UploadBoundsTest.ENTRY_BOUND, UploadBoundsTest.TOTAL_BOUND})
class UploadBoundsTest extends InProcessRegistryTest {

    static final String ENTRY_BOUND = "registry.upload.max-entry-bytes=4MB";
    static final String TOTAL_BOUND = "registry.upload.max-total-bytes=6MB";
    private static final int MB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RegistryClient client;

    @BeforeAll
    void oneRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void anEntryThatInflatesPastThePerEntryBoundIsRefused() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(TestZips.files("main.py", "print(1)"));
        files.put("weights.bin", new byte[4 * MB + 1]);
        HttpResponse<byte[]> answer = upload("bounded-entry", TestZips.zip(files, ZipArchiveEntry.STORED));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer)).matches(asPattern(ErrorMessage.UPLOAD_ZIP_ENTRY_INFLATES_MORE))
                .contains("weights.bin").contains(Long.toString(4L * MB));
        assertNothingStored("bounded-entry");
    }

    @Test
    void entriesThatTogetherInflatePastTheTotalBoundAreRefusedThoughEachIsWithinItsOwn() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(TestZips.files("main.py", "print(1)"));
        files.put("part-1.bin", new byte[3 * MB]);
        files.put("part-2.bin", new byte[3 * MB + 1]);
        HttpResponse<byte[]> answer = upload("bounded-total", TestZips.zip(files, ZipArchiveEntry.STORED));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer)).matches(asPattern(ErrorMessage.UPLOAD_ZIP_S_ENTRIES_INFLATE))
                .contains(Long.toString(6L * MB));
        assertNothingStored("bounded-total");
    }

    @Test
    void entriesJustWithinBothBoundsAreStored() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(TestZips.files("main.py", "print(1)"));
        files.put("part-1.bin", new byte[3 * MB]);
        files.put("part-2.bin", new byte[3 * MB - 100]);
        assertThat(upload("bounded-within", TestZips.zip(files, ZipArchiveEntry.STORED)).statusCode()).isEqualTo(201);
    }

    private void assertNothingStored(String name) {
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"^" + name + "$\"}").status())
                .as("nothing was stored").isEqualTo(404);
    }

    private HttpResponse<byte[]> upload(String name, byte[] zip) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/artifact/code/upload?name=" + name))
                .timeout(Duration.ofSeconds(60)).header("X-Authorization", client.token())
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String message(HttpResponse<byte[]> answer) throws Exception {
        return JSON.readTree(answer.body()).path("message").asText();
    }
}
