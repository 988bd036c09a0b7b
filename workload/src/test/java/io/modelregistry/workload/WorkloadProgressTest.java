package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the dashboard polls while a run goes on. */
class WorkloadProgressTest {

    @Test
    void theProgressCountsSeedsDownloadsBytesAndErrorsInItsJson() {
        WorkloadProgress progress = new WorkloadProgress();
        assertThat(progress.phase()).isEqualTo("starting");
        progress.phase("seeding");
        progress.expectSeeds(3);
        progress.seeded();
        progress.seeded();
        progress.expectDownloads(10);
        progress.downloaded(1_000);
        progress.downloaded(234);
        progress.error();

        Map<String, Object> json = progress.toJson();

        assertThat(progress.phase()).isEqualTo("seeding");
        assertThat(json).containsEntry("phase", "seeding").containsEntry("models_seeded", 2L)
                .containsEntry("models_to_seed", 3L).containsEntry("downloads_done", 2L)
                .containsEntry("downloads_planned", 10L).containsEntry("bytes_downloaded", 1_234L)
                .containsEntry("errors", 1L);
        assertThat((Double) json.get("elapsed_seconds")).isGreaterThanOrEqualTo(0.0);
    }
}
