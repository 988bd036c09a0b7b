package io.modelregistry.projection.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ScanLevel;
import io.modelregistry.api.artifact.ScannedFile;
import io.modelregistry.api.artifact.WeightsScan;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScans;
import io.modelregistry.api.weights.WeightsScansWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every weights-scan read model adapter must do, embedded or OpenSearch: a scan read back whole by artifact and
 * package, nothing for another package of the same artifact, an override set and withdrawn, a redelivered scan
 * keeping the override, and deletes of one artifact or of everything. Each adapter's test extends this with a fresh,
 * empty store.
 */
abstract class WeightsScansContract<S extends WeightsScans & WeightsScansWriter> {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.500Z");
    private static final String DIGEST = "ab".repeat(32);
    private static final String OTHER = "cd".repeat(32);
    private static final WeightsScan DANGEROUS = new WeightsScan("pickle-imports-1", ScanLevel.DANGEROUS, List.of(
            new ScannedFile("pytorch_model.bin", "ef".repeat(32), ScanLevel.DANGEROUS, List.of("posix.system"),
                    List.of("acme.Net"), null),
            new ScannedFile("optimizer.pt", "01".repeat(32), ScanLevel.SUSPICIOUS, List.of(), List.of(),
                    "could not be parsed: the pickle ends before its STOP (at byte 9)")),
            List.of("big.bin"));

    protected abstract S newStore();

    protected S scans;

    @BeforeEach
    void openStore() {
        scans = newStore();
    }

    @Test
    void aScanIsReadBackWholeForItsPackageOnly() {
        scans.scanned("1", DIGEST, "1.0.0", DANGEROUS);

        assertThat(scans.scan("1", DIGEST)).contains(new WeightsScanRecord("1", DIGEST, "1.0.0", DANGEROUS, null));
        assertThat(scans.scan("1", OTHER)).isEmpty();
        assertThat(scans.scan("2", DIGEST)).isEmpty();
    }

    @Test
    void anOverrideIsSetKeptByARedeliveredScanAndWithdrawn() {
        scans.scanned("1", DIGEST, "1.0.0", DANGEROUS);
        WeightsScanRecord.Override override = new WeightsScanRecord.Override("root", T0, "reviewed");
        scans.override("1", DIGEST, override);
        assertThat(scans.scan("1", DIGEST).orElseThrow().override()).isEqualTo(override);
        assertThat(scans.scan("1", DIGEST).orElseThrow().refused()).isFalse();

        scans.scanned("1", DIGEST, "1.0.0", DANGEROUS);
        assertThat(scans.scan("1", DIGEST).orElseThrow().override()).as("kept by a redelivery").isEqualTo(override);

        scans.override("1", DIGEST, null);
        assertThat(scans.scan("1", DIGEST).orElseThrow().override()).isNull();
        assertThat(scans.scan("1", DIGEST).orElseThrow().refused()).isTrue();
    }

    @Test
    void deletingAnArtifactDropsEveryPackageOfItAndOnlyThose() {
        scans.scanned("1", DIGEST, "1.0.0", DANGEROUS);
        scans.scanned("1", OTHER, "2.0.0", DANGEROUS);
        scans.scanned("2", DIGEST, "1.0.0", DANGEROUS);

        scans.delete("1");
        assertThat(scans.scan("1", DIGEST)).isEmpty();
        assertThat(scans.scan("1", OTHER)).isEmpty();
        assertThat(scans.scan("2", DIGEST)).isPresent();

        scans.deleteAll();
        assertThat(scans.scan("2", DIGEST)).isEmpty();
    }
}
