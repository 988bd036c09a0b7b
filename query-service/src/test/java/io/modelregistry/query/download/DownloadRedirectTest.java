package io.modelregistry.query.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.RecordDownload;
import io.modelregistry.api.artifact.RecordRefusedDownload;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.download.DownloadLog;
import io.modelregistry.projection.lineage.LineageReadModel;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A blob store in redirect mode sends a download elsewhere only when the response is exactly one stored blob (a
 * package stored before manifests existed); a zip assembled from blobs is streamed by the node. Either way the
 * download is recorded first, and a HEAD is answered here.
 */
class DownloadRedirectTest {

    private static final URI PRESIGNED = URI.create("http://127.0.0.1:9/bucket/blobs/ab/x?X-Amz-Signature=s");

    private final MemoryBlobs blobs = new MemoryBlobs(PRESIGNED);
    private final List<RecordDownload> recorded = new ArrayList<>();
    @TempDir
    Path temp;
    private final DownloadLinkSigner signer = new DownloadLinkSigner(new byte[32], Duration.ofHours(1), Clock.systemUTC());

    @Test
    void aDownloadThatIsOneStoredBlobIsRecordedAndRedirectedToThePresignedUrl() throws Exception {
        String bundle = blob("PK\u0003\u0004 an old bundle zip".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = download(bundle, "GET");
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("Location")).isEqualTo(PRESIGNED.toString());
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(recorded).hasSize(1);
    }

    @Test
    void aHeadOfThatDownloadIsAnsweredHereAndRecordsNothing() throws Exception {
        String bundle = blob("PK\u0003\u0004 an old bundle zip".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = download(bundle, "HEAD");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Location")).isNull();
        assertThat(recorded).isEmpty();
    }

    @Test
    void aZipAssembledFromBlobsIsStreamedEvenInRedirectMode() throws Exception {
        byte[] readme = "# card".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(readme);
        String readmeDigest = blob(readme);
        byte[] manifest = new PackageManifest(List.of(new PackageManifest.Entry("README.md", readme.length,
                readmeDigest, crc.getValue(), Aspect.of("README.md")))).encode();
        MockHttpServletResponse response = download(blob(manifest), "GET");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Location")).isNull();
        assertThat(response.getContentAsByteArray()).startsWith(0x50, 0x4b, 0x03, 0x04);
        assertThat(recorded).hasSize(1);
    }

    private MockHttpServletResponse download(String packageDigest, String method) throws Exception {
        ArtifactRecord record = new ArtifactRecord("42", ArtifactType.MODEL, "m", "https://huggingface.co/o/m", "hf",
                "o/m", packageDigest, 10, 10, "mit", null, "admin", Instant.now(), Instant.now());
        ArtifactDirectory directory = Mockito.mock(ArtifactDirectory.class);
        Mockito.when(directory.find("42")).thenReturn(Optional.of(record));
        Mockito.when(directory.versions("42")).thenReturn(List.of(record));
        PackageContents packages = new PackageContents(blobs, entry -> {
            throw new AssertionError("nothing here is fetched from a hub: " + entry.path());
        });
        LinkedDatasets linked = new LinkedDatasets(Mockito.mock(LineageReadModel.class), directory, packages);
        ReadModelBarrier caughtUp = new ReadModelBarrier() {
            @Override
            public void awaitCaughtUp() {
            }

            @Override
            public boolean caughtUp() {
                return true;
            }

            @Override
            public void markForReaders() {
            }

            @Override
            public void awaitMarked() {
            }
        };
        DownloadLog log = new DownloadLog() {
            @Override
            public long record(RecordDownload download) {
                recorded.add(download);
                return -1;
            }

            @Override
            public long refused(RecordRefusedDownload refusal) {
                throw new AssertionError("no model here is sensitive");
            }
        };
        MonitorProperties monitors = new MonitorProperties("node", Duration.ofSeconds(10), DataSize.ofKilobytes(64), 1,
                List.of("PATH"), "permission");
        DownloadGate gate = new DownloadGate(new PackageAspects(packages, linked), packages, id -> Optional.empty(),
                (id, digest) -> Optional.empty(), log, caughtUp, monitors,
                new DownloadFileProperties(true, DataSize.ofGigabytes(1)), temp.toString());
        DownloadController controller = new DownloadController(signer, directory, gate, user -> true);
        Map<String, String> q = UriComponentsBuilder.fromUriString("/download/42?" + signer.sign("42", packageDigest,
                "admin", true)).build().getQueryParams().toSingleValueMap();
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/download/42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.download("42", q.get("d"), q.get("u"), q.get("a"), q.get("e"), q.get("s"), null, request, response);
        return response;
    }

    private String blob(byte[] bytes) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        blobs.bytes.put(digest, bytes);
        return digest;
    }
}
