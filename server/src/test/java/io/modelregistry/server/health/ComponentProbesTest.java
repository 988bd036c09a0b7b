package io.modelregistry.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.projection.consistency.ProjectionFailures;
import io.modelregistry.projection.consistency.ReadModelProgress;
import io.modelregistry.projection.consistency.ReadModelProgress.ProcessorState;
import io.modelregistry.projection.consistency.ReadModelProgress.Readiness;
import io.modelregistry.server.axon.EventLogDurability;
import io.modelregistry.server.stores.StoreSelection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What /health/components says about the projections when one has failed and when they are catching up. */
class ComponentProbesTest {

    private final ReadModelProgress progress = mock(ReadModelProgress.class);
    private final ComponentProbes probes = new ComponentProbes(null, null, null, progress, mock(EventLogDurability.class),
            null, null, null, new StoreSelection(StoreSelection.EventStore.JDBC, StoreSelection.BlobStore.FILESYSTEM,
                    StoreSelection.ReadModels.EMBEDDED), null);

    @Test
    void aProcessorStoppedForAnErrorIsReportedAsDownWithItsErrorAndReadsAsNotReady() {
        var failure = new ProjectionFailures.Failure("audit", 41, "ArtifactRegistered",
                "IllegalStateException: disk full", 5, Instant.parse("2026-01-01T00:00:00Z"), true);
        when(progress.processors()).thenReturn(List.of(
                new ProcessorState("directory", 42, true, false, false, Optional.empty()),
                new ProcessorState("audit", -1, false, false, false, Optional.of(failure))));
        when(progress.readiness()).thenReturn(new Readiness(false, 42, -1, List.of("audit")));

        Map<String, Object> detail = probes.projections(42).toDetail(Instant.now());

        assertThat(detail.get("status")).isEqualTo("critical");
        @SuppressWarnings("unchecked")
        var issues = (List<Map<String, Object>>) detail.get("issues");
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.get("code")).isEqualTo("processor_failed");
            assertThat(issue.get("severity")).isEqualTo("error");
            assertThat((String) issue.get("summary")).contains("'audit'", "5 times", "ArtifactRegistered",
                    "position 41");
            assertThat(issue.get("details")).isEqualTo("IllegalStateException: disk full");
        });
        @SuppressWarnings("unchecked")
        var metrics = (Map<String, Object>) detail.get("metrics");
        assertThat(metrics).containsEntry("reads_ready", false).containsEntry("lag_audit", 43.0)
                .containsEntry("lag_directory", 0.0);
    }

    @Test
    void readModelsCatchingUpAfterARestartAreReportedAsDegradedUntilTheyReachTheLog() {
        when(progress.processors()).thenReturn(List.of(
                new ProcessorState("directory", 10, true, false, false, Optional.empty()),
                new ProcessorState("search", 3, true, false, true, Optional.empty())));
        when(progress.readiness()).thenReturn(new Readiness(false, 12, 3, List.of()));

        Map<String, Object> detail = probes.projections(12).toDetail(Instant.now());

        assertThat(detail.get("status")).isEqualTo("degraded");
        @SuppressWarnings("unchecked")
        var issues = (List<Map<String, Object>>) detail.get("issues");
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.get("code")).isEqualTo("read_models_catching_up");
            assertThat((String) issue.get("summary")).contains("503", "position 12", "at 3");
        });
    }

    @Test
    void theSearchIndexIsDescribedAsTheBackendThatRegistryReadModelsSelects() {
        var search = mock(ArtifactSearch.class);
        when(search.stats()).thenThrow(new IllegalStateException("not asked here"));
        var embedded = new ComponentProbes(null, null, search, progress, mock(EventLogDurability.class), null, null,
                null, new StoreSelection(StoreSelection.EventStore.JDBC, StoreSelection.BlobStore.FILESYSTEM,
                        StoreSelection.ReadModels.EMBEDDED), null);
        var shared = new ComponentProbes(null, null, search, progress, mock(EventLogDurability.class), null, null,
                null, new StoreSelection(StoreSelection.EventStore.DYNAMODB, StoreSelection.BlobStore.S3,
                        StoreSelection.ReadModels.OPENSEARCH), null);

        assertThat((String) embedded.searchIndex().toDetail(Instant.now()).get("description"))
                .startsWith("Lucene index").doesNotContain("OpenSearch");
        assertThat((String) shared.searchIndex().toDetail(Instant.now()).get("description"))
                .startsWith("OpenSearch index").doesNotContain("Lucene");
    }

    @Test
    void aMonitorThatCouldNotRunLastTimeDegradesTheDownloadMonitorWithItsReasonAndOneThatRanClearsIt() {
        var gate = mock(io.modelregistry.query.download.DownloadGate.class);
        var probes = new ComponentProbes(null, null, null, progress, mock(EventLogDurability.class), null, null, null,
                new StoreSelection(StoreSelection.EventStore.JDBC, StoreSelection.BlobStore.FILESYSTEM,
                        StoreSelection.ReadModels.EMBEDDED), gate);
        Instant at = Instant.parse("2026-12-04T10:00:00Z");
        when(gate.monitorHealth()).thenReturn(new io.modelregistry.query.download.MonitorHealth(3, 1, at, at,
                "Node.js could not be started ('node': error=2, No such file or directory)", true));

        Map<String, Object> down = probes.downloadMonitor().toDetail(Instant.now());
        assertThat(down.get("status")).isEqualTo("degraded");
        @SuppressWarnings("unchecked")
        var issues = (List<Map<String, Object>>) down.get("issues");
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.get("code")).isEqualTo("download_monitor_unavailable");
            assertThat((String) issue.get("details")).contains("could not be started");
        });

        when(gate.monitorHealth()).thenReturn(new io.modelregistry.query.download.MonitorHealth(4, 1, at, at,
                "Node.js could not be started", false));
        assertThat(probes.downloadMonitor().toDetail(Instant.now()).get("status")).isEqualTo("ok");
    }
}
