package io.modelregistry.server;

import static io.modelregistry.server.RefusedSourceUrlsTest.asPattern;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RawHttp;
import io.modelregistry.server.support.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uploads the inspector refuses reach the client over HTTP as a 400 with the refusal's own message and leave no
 * artifact behind (the inspector's unit test covers each check; this covers the answer). One registry for all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedUploadsTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RegistryClient client;

    @BeforeAll
    void oneRegistry() {
        client = freshRegistry(exchange -> { });
    }

    @Test
    void aDatasetWithoutADataFileIsRefused() throws Exception {
        assertRefused("dataset", TestZips.zip(TestZips.files("README.md", "# d")),
                ErrorMessage.UPLOAD_DATASET_UPLOAD_MUST_HOLD);
    }

    @Test
    void aSpecialFileInTheZipIsRefused() throws Exception {
        Map<String, byte[]> files = TestZips.files("main.py", "print(1)", "fifo.py", "x");
        assertRefused("code", TestZips.withUnixMode(files, "fifo.py", 0010644), ErrorMessage.UPLOAD_ZIP_ENTRY_SPECIAL_FILE);
    }

    @Test
    void aNameThatIsBothAFileAndAFolderIsRefused() throws Exception {
        assertRefused("code", TestZips.zip(TestZips.files("main.py", "print(1)", "lib", "x", "lib/util.py", "y")),
                ErrorMessage.UPLOAD_ZIP_NAMES_BOTH_FILE);
    }

    @Test
    void anEntryWhoseBytesDoNotMatchItsCrcIsRefused() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(TestZips.files("main.py", "print('checked')"));
        byte[] zip = TestZips.zip(files, ZipArchiveEntry.STORED);
        String text = new String(zip, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("print('checked')");
        assertThat(at).isPositive();
        zip[at + 7] = 'C'; // the stored bytes change, the CRC-32 in the headers does not
        assertRefused("code", zip, ErrorMessage.UPLOAD_ZIP_ENTRY_DOES_MATCH);
    }

    @Test
    void aCodeUploadWithoutASourceFileIsRefused() throws Exception {
        assertRefused("code", TestZips.zip(TestZips.files("README.md", "# only a card", "notes.txt", "no code")),
                ErrorMessage.UPLOAD_CODE_UPLOAD_MUST_HOLD);
    }

    /** A one-file code zip, its bytes patched: {@code patch} gets the buffer, the local header at 0 and the directory. */
    private static byte[] patched(PatchAt patch) {
        byte[] zip = TestZips.zip(TestZips.files("main.py", "print('patched')"));
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        patch.apply(b, b.getInt(end + 16), end);
        return zip;
    }

    private interface PatchAt {
        void apply(ByteBuffer zip, int centralDirectory, int endRecord);
    }

    Stream<Arguments> malformedZips() {
        return Stream.of(
                Arguments.of("its end record places the directory past the file's end",
                        patched((b, cd, end) -> b.putInt(end + 16, b.capacity() + 5)),
                        ErrorMessage.UPLOAD_UPLOAD_WELL_FORMED_ZIP),
                Arguments.of("its end record declares 65535 entries",
                        patched((b, cd, end) -> b.putShort(end + 8, (short) 0xFFFF).putShort(end + 10, (short) 0xFFFF)),
                        ErrorMessage.UPLOAD_ZIP_MORE_ENTRIES),
                Arguments.of("it spans four disks",
                        patched((b, cd, end) -> b.putShort(end + 4, (short) 3).putShort(end + 6, (short) 3)),
                        ErrorMessage.UPLOAD_UPLOAD_READABLE_ZIP_FILE),
                Arguments.of("its entry's local header lies beyond the file's end",
                        patched((b, cd, end) -> b.putInt(cd + 42, b.capacity() + 1000)),
                        ErrorMessage.UPLOAD_UPLOAD_READABLE_ZIP_FILE),
                Arguments.of("its entry is compressed with bzip2",
                        patched((b, cd, end) -> b.putShort(8, (short) 12).putShort(cd + 10, (short) 12)),
                        ErrorMessage.UPLOAD_ZIP_ENTRY_USES_COMPRESSION),
                Arguments.of("its entry is a Windows reparse point",
                        patched((b, cd, end) -> b.putInt(cd + 38, b.getInt(cd + 38) | 0x400)),
                        ErrorMessage.UPLOAD_ZIP_ENTRY_REPARSE_POINT),
                Arguments.of("its entry's deflate stream starts with an invalid block type",
                        patched((b, cd, end) -> b.put(30 + b.getShort(26) + b.getShort(28), (byte) 0xFF)),
                        ErrorMessage.UPLOAD_ZIP_ENTRY_CANNOT_INFLATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedZips")
    void aZipTheInspectorCannotTrustIsRefusedWithItsReason(String why, byte[] zip, ErrorMessage expected)
            throws Exception {
        String said = assertRefused("code", zip, expected);
        assertThat(said).as("the server's own paths stay its own").doesNotContain(".upload").doesNotContain("/tmp");
    }

    @Test
    void anUploadDeclaringMoreBytesThanTheBoundIsRefusedBeforeItsBodyIsRead() {
        RawHttp raw = new RawHttp(port, 30_000);
        RawHttp.Answer answer = raw.sendThenStop("POST /artifact/code/upload?name=refused-declared-size HTTP/1.1",
                Map.of("X-Authorization", client.token(), "Content-Type", "application/zip",
                        "Content-Length", Long.toString(9L * 1024 * 1024 * 1024)),
                TestZips.zip(TestZips.files("main.py", "print(1)")));
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(message(answer.body())).matches(asPattern(ErrorMessage.UPLOAD_UPLOAD_LARGER_BYTES_REGISTRY));
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"^refused-declared-size$\"}").status())
                .as("nothing was stored").isEqualTo(404);
    }

    Stream<Arguments> unreadableBodies() {
        byte[] zip = TestZips.zip(TestZips.files("main.py", "print(1)"));
        byte[] chunked = RawHttp.chunked(zip);
        // the last chunk's size line is not hexadecimal
        byte[] badChunk = "zz\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(badChunk, 0, chunked, chunked.length - badChunk.length, badChunk.length);
        return Stream.of(
                Arguments.of("ends short of its declared length", Map.of("Content-Length",
                        Integer.toString(zip.length + 1000)), zip),
                Arguments.of("breaks its chunked encoding", Map.of("Transfer-Encoding", "chunked"), chunked));
    }

    @ParameterizedTest(name = "a body that {0}")
    @MethodSource("unreadableBodies")
    void anUploadWhoseBodyCannotBeReadToItsEndIsRefusedWithThatReason(String why, Map<String, String> framing,
                                                                     byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(framing);
        headers.put("X-Authorization", client.token());
        headers.put("Content-Type", "application/zip");
        RawHttp.Answer answer = new RawHttp(port, 30_000)
                .sendThenStop("POST /artifact/code/upload?name=refused-unreadable HTTP/1.1", headers, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("application/json");
        assertThat(message(answer.body())).as(answer.text())
                .matches(asPattern(ErrorMessage.UPLOAD_UPLOAD_COULD_READ_END));
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"^refused-unreadable$\"}").status())
                .as("nothing was stored").isEqualTo(404);
    }

    @Test
    void aMultipartUploadWithoutItsFilePartIsRefused() throws Exception {
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nacme-parts\r\n--b0undary--\r\n";
        var answer = send("/artifact/code/upload", "multipart/form-data; boundary=b0undary",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer)).matches(asPattern(ErrorMessage.UPLOAD_MULTIPART_UPLOAD_NEEDS_ZIP));
    }

    @Test
    void aNameWithAControlCharacterAnInvisibleOneOrTooManyIsRefused() throws Exception {
        byte[] zip = TestZips.zip(TestZips.files("main.py", "print(1)"));
        assertRefusedName("bad%07name", zip, ErrorMessage.ARTIFACT_NAME_MUST_CONTAIN_CONTROL);
        assertRefusedName("evil%E2%80%AEtxt.py", zip, ErrorMessage.ARTIFACT_NAME_INVISIBLE_CHARACTERS);
        assertRefusedName("n".repeat(257), zip, ErrorMessage.ARTIFACT_NAME_MUST_1_CHARACTERS);
    }

    @Test
    void anOverrideWhoseReasonIsNotTextIsRefused() throws Exception {
        var model = ModelUploads.model(client, "refused-override-reason", "# refused-override-reason\n");
        var answer = client.put("/artifact/model/" + model.id() + "/weights-scan/override", "{\"reason\": 5}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("message").asText())
                .matches(asPattern(ErrorMessage.WEIGHTS_REASON_MUST_TEXT_MOST));
    }

    private void assertRefusedName(String encodedName, byte[] zip, ErrorMessage expected) throws Exception {
        var answer = send("/artifact/code/upload?name=" + encodedName, "application/zip", zip);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer)).matches(asPattern(expected));
    }

    /** @return the answer's message */
    private String assertRefused(String type, byte[] zip, ErrorMessage expected) throws Exception {
        String name = "refused-" + expected.id().replace('.', '-');
        var answer = send("/artifact/" + type + "/upload?name=" + name, "application/zip", zip);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(message(answer)).matches(asPattern(expected));
        assertThat(client.post("/artifact/byRegEx", "{\"regex\": \"^" + name + "$\"}").status())
                .as("nothing was stored").isEqualTo(404);
        return message(answer);
    }

    private HttpResponse<byte[]> send(String pathAndQuery, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("X-Authorization", client.token())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String message(HttpResponse<byte[]> answer) throws Exception {
        return message(answer.body());
    }

    private static String message(byte[] body) {
        try {
            return JSON.readTree(body).path("message").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
