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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.util.unit.DataSize;

/**
 * The gate fails closed: a sensitive model whose monitor cannot run (no Node.js) is refused with 503 and the refusal
 * recorded; a model that is not sensitive is recorded and cleared without any program.
 */
class DownloadGateTest {

    @TempDir
    Path temp;

    private final MemoryBlobs blobs = new MemoryBlobs(null);
    private final List<Object> recorded = new ArrayList<>();

    private DownloadGate gate(ModelGuard guard, String node) throws Exception {
        PackageContents packages = new PackageContents(blobs, entry -> {
            throw new AssertionError("nothing is fetched: " + entry.path());
        });
        LinkedDatasets linked = new LinkedDatasets(Mockito.mock(LineageReadModel.class),
                Mockito.mock(ArtifactDirectory.class), packages);
        DownloadLog log = new DownloadLog() {
            @Override
            public void record(RecordDownload download) {
                recorded.add(download);
            }

            @Override
            public void refused(RecordRefusedDownload refusal) {
                recorded.add(refusal);
            }
        };
        ReadModelBarrier barrier = Mockito.mock(ReadModelBarrier.class);
        MonitorProperties settings = new MonitorProperties(node, Duration.ofSeconds(10), DataSize.ofKilobytes(64), 1,
                List.of("PATH"), "permission");
        return new DownloadGate(new PackageAspects(packages, linked), packages, id -> Optional.ofNullable(guard),
                (id, digest) -> Optional.empty(), log,
                barrier, settings, temp.toString());
    }

    private ArtifactRecord record() throws Exception {
        String bundle = blob("PK\u0003\u0004 an old bundle".getBytes(StandardCharsets.UTF_8));
        return new ArtifactRecord("42", ArtifactType.MODEL, "secret", "urn:x", "UPLOAD", null, bundle, 20, 20, null,
                null, "ann", Instant.EPOCH, Instant.EPOCH, "1.0.0");
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
