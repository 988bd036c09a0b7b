package io.modelregistry.query.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.RecordDownload;
import io.modelregistry.api.artifact.RecordRefusedDownload;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.download.DownloadLog;
import io.modelregistry.api.artifact.MonitorVerdict.Outcome;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.projection.lineage.LineageReadModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.ScanLevel;
import io.modelregistry.api.artifact.ScannedFile;
import io.modelregistry.api.artifact.WeightsScan;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.util.unit.DataSize;

/**
 * The gate fails closed: a sensitive model whose monitor cannot run (no Node.js) is refused with 503 and the refusal
 * recorded; a model that is not sensitive is recorded and cleared without any program. Dangerous weights are refused
 * (recorded as such) on every path that would send them, before any monitor, unless an administrator allowed them.
 */
class DownloadGateTest {

    @TempDir
    Path temp;

    private final MemoryBlobs blobs = new MemoryBlobs(null);
    private final List<Object> recorded = new ArrayList<>();

    private WeightsScans scans = (id, digest) -> Optional.empty();

    private DownloadGate gate(ModelGuard guard, String node) throws Exception {
        PackageContents packages = new PackageContents(blobs, entry -> {
            throw new AssertionError("nothing is fetched: " + entry.path());
        });
        LinkedDatasets linked = new LinkedDatasets(Mockito.mock(LineageReadModel.class),
                Mockito.mock(ArtifactDirectory.class), packages);
        DownloadLog log = new DownloadLog() {
            @Override
            public long record(RecordDownload download) {
                recorded.add(download);
                return -1;
            }

            @Override
            public long refused(RecordRefusedDownload refusal) {
                recorded.add(refusal);
                return -1;
            }
        };
        ReadModelBarrier barrier = Mockito.mock(ReadModelBarrier.class);
        MonitorProperties settings = new MonitorProperties(node, Duration.ofSeconds(10), DataSize.ofKilobytes(64), 1,
                List.of("PATH"), "permission");
        return new DownloadGate(new PackageAspects(packages, linked), packages, id -> Optional.ofNullable(guard),
                (id, digest) -> scans.scan(id, digest), log,
                barrier, settings, new DownloadFileProperties(true, DataSize.ofGigabytes(1)), temp.toString());
    }

    private ArtifactRecord record() throws Exception {
        String bundle = blob("PK\u0003\u0004 an old bundle".getBytes(StandardCharsets.UTF_8));
        return new ArtifactRecord("42", ArtifactType.MODEL, "secret", "urn:x", "UPLOAD", null, bundle, 20, 20, null,
                null, "ann", Instant.EPOCH, Instant.EPOCH, "1.0.0");
    }

    /** A package of three files, as ingest and upload store it (a manifest of blobs). */
    private ArtifactRecord manifestRecord() throws Exception {
        List<PackageManifest.Entry> entries = new ArrayList<>();
        for (String path : List.of("README.md", "pytorch_model.bin", "model.safetensors")) {
            byte[] bytes = ("bytes of " + path).getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            entries.add(new PackageManifest.Entry(path, bytes.length, blob(bytes), crc.getValue(), Aspect.of(path)));
        }
        String manifest = blob(new PackageManifest(entries).encode());
        return new ArtifactRecord("42", ArtifactType.MODEL, "evil", "urn:x", "UPLOAD", null, manifest, 60, 60, null,
                null, "ann", Instant.EPOCH, Instant.EPOCH, "1.0.0");
    }

    private void scanned(ArtifactRecord record, WeightsScanRecord.Override override) {
        WeightsScan scan = new WeightsScan("test", ScanLevel.DANGEROUS, List.of(
                new ScannedFile("pytorch_model.bin", "0".repeat(64), ScanLevel.DANGEROUS, List.of("posix.system"),
                        List.of(), null)), List.of());
        WeightsScanRecord row = new WeightsScanRecord(record.id(), record.packageDigest(), "1.0.0", scan, override);
        scans = (id, digest) -> id.equals(record.id()) && digest.equals(record.packageDigest())
                ? Optional.of(row) : Optional.empty();
    }

    @Test
    void everyDownloadThatWouldSendADangerousWeightsFileIsRefusedAndRecordedBeforeAnyMonitorRuns() throws Exception {
        ArtifactRecord record = manifestRecord();
        scanned(record, null);
        // sensitive, with a monitor that cannot run: the weights scan refuses first, so no 503 is reached
        ModelGuard guard = new ModelGuard("42", true, null, "ann", Instant.EPOCH);
        DownloadGate gate = gate(guard, temp.resolve("no-node-here").toString());
        List<DownloadGate.Prepared> refused = List.of(gate.prepare(record, null),
                gate.prepare(record, Aspect.WEIGHTS), gate.prepareFile(record, "pytorch_model.bin").orElseThrow());
        for (DownloadGate.Prepared prepared : refused) {
            assertThatThrownBy(() -> gate.clear(prepared, new Actor("bob", false), prepared.length()))
                    .as(prepared.recordedAspect())
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                        assertThat(e.getMessage()).contains("pytorch_model.bin (posix.system)")
                                .contains("/artifact/model/42/weights-scan/override");
                    });
        }
        assertThat(recorded).hasSize(3).allSatisfy(entry -> assertThat(entry).isInstanceOfSatisfying(
                RecordRefusedDownload.class, r -> assertThat(r.monitor().outcome()).isEqualTo(Outcome.UNSAFE_WEIGHTS)));
        gate.close();
    }

    @Test
    void downloadsWithoutTheDangerousFileAndDownloadsAnAdministratorAllowedAreCleared() throws Exception {
        ArtifactRecord record = manifestRecord();
        scanned(record, null);
        DownloadGate gate = gate(null, temp.resolve("no-node-here").toString());
        for (DownloadGate.Prepared prepared : List.of(gate.prepare(record, Aspect.CARD),
                gate.prepareFile(record, "model.safetensors").orElseThrow())) {
            assertThat(gate.clear(prepared, new Actor("bob", false), prepared.length())).as(prepared.recordedAspect())
                    .isNotNull();
        }
        scanned(record, new WeightsScanRecord.Override("admin", Instant.EPOCH, "reviewed"));
        DownloadGate.Prepared full = gate.prepare(record, null);
        assertThat(gate.clear(full, new Actor("bob", false), full.length())).isNotNull();
        assertThat(recorded).hasSize(3).allSatisfy(entry -> assertThat(entry).isInstanceOf(RecordDownload.class));
        gate.close();
    }

    private String blob(byte[] bytes) throws Exception {
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes));
        blobs.bytes.put(digest, bytes);
        return digest;
    }

    @Test
    void aSensitiveModelWhoseMonitorCannotRunIsRefusedWith503AndTheRefusalRecorded() throws Exception {
        String program = blob("process.exit(0)".getBytes(StandardCharsets.UTF_8));
        ModelGuard guard = new ModelGuard("42", true, new ModelGuard.Program(program, 15, "ann", Instant.EPOCH),
                "ann", Instant.EPOCH);
        DownloadGate gate = gate(guard, temp.resolve("no-node-here").toString());
        DownloadGate.Prepared prepared = gate.prepare(record(), null);
        assertThatThrownBy(() -> gate.clear(prepared, new Actor("bob", false), prepared.length()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("could not be started").contains("never served unvetted");
                });
        assertThat(recorded).singleElement().isInstanceOfSatisfying(RecordRefusedDownload.class, refusal -> {
            assertThat(refusal.actor().username()).isEqualTo("bob");
            assertThat(refusal.monitor().outcome()).isEqualTo(Outcome.UNAVAILABLE);
        });
        gate.close();
    }

    @Test
    void aModelThatIsNotSensitiveIsRecordedAndClearedWithoutAnyProgram() throws Exception {
        ModelGuard notSensitive = new ModelGuard("42", false, null, "ann", Instant.EPOCH);
        DownloadGate gate = gate(notSensitive, temp.resolve("no-node-here").toString());
        DownloadGate.Prepared prepared = gate.prepare(record(), null);
        DownloadGate.Cleared cleared = gate.clear(prepared, new Actor("bob", false), prepared.length());
        assertThat(cleared).isNotNull();
        assertThat(recorded).singleElement().isInstanceOfSatisfying(RecordDownload.class, download ->
                assertThat(download.monitor()).isNull());
        gate.close();
    }
}
