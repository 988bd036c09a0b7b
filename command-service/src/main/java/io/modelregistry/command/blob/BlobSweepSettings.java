package io.modelregistry.command.blob;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When unreferenced blobs are swept.
 *
 * @param sweepInterval how often the scheduled sweep runs ({@code REGISTRY_BLOB_SWEEP_INTERVAL}, default 6 hours,
 *                      the first one an interval after start); zero turns the schedule off (a reset and the admin
 *                      endpoint still sweep)
 * @param sweepGrace    blobs written or reused more recently than this are kept even when nothing references them
 *                      ({@code REGISTRY_BLOB_SWEEP_GRACE}, default 1 hour): an ingest writes its blobs before the
 *                      event that references them, and must finish within it
 * @param sweepPageSize blobs listed per page of the store, at most 10,000
 */
@Validated
@ConfigurationProperties("registry.blobs")
public record BlobSweepSettings(@NotNull @DefaultValue("PT6H") Duration sweepInterval,
                                @NotNull @DefaultValue("PT1H") Duration sweepGrace,
                                @DefaultValue("1000") int sweepPageSize) {

    public BlobSweepSettings {
        if (sweepInterval != null && sweepInterval.isNegative()) {
            throw new IllegalArgumentException("registry.blobs.sweep-interval must not be negative");
        }
        if (sweepGrace != null && sweepGrace.isNegative()) {
            throw new IllegalArgumentException("registry.blobs.sweep-grace must not be negative");
        }
        if (sweepPageSize < 1 || sweepPageSize > 10_000) {
            throw new IllegalArgumentException("registry.blobs.sweep-page-size must be between 1 and 10000");
        }
    }
}
