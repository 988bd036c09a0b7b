package io.modelregistry.api.blob;

import java.time.Instant;
import java.util.Optional;

/**
 * The sweep of unreferenced blobs (port): run on a schedule, after a reset and on an administrator's request;
 * read by health reporting.
 */
public interface BlobSweeps {

    /** Runs a sweep now (waiting for one in progress to end first) and reports it. */
    SweepReport sweepNow();

    /** The last sweep that ran or was skipped since start, if any. */
    Optional<SweepReport> lastSweep();

    /**
     * One sweep.
     *
     * @param ran          false when it was skipped ({@code skipped} says why: read models behind the log)
     * @param keptBlobs    blobs left in the store (referenced, or within the grace period)
     * @param deletedBytes bytes freed
     */
    record SweepReport(Instant startedAt, Instant endedAt, boolean ran, String skipped, long keptBlobs,
                       long keptBytes, long deletedBlobs, long deletedBytes) {
    }
}
