package io.modelregistry.server.health;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.BlobSweeps;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.projection.consistency.ReadModelProgress;
import io.modelregistry.server.axon.EventLogDurability;
import io.modelregistry.query.download.DownloadGate;
import io.modelregistry.query.download.MonitorHealth;
import io.modelregistry.rating.RatingActivity;
import io.modelregistry.server.health.ComponentReport.Status;
import io.modelregistry.server.stores.StoreSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Probes each component for real: a query on the event store, a write to the blob store, index stats. */
@Component
class ComponentProbes {

    private static final long LAG_DEGRADED = 100;
    private static final long LOW_DISK_BYTES = 1L << 30;

    private final JdbcTemplate jdbc;
    private final BlobStore blobs;
    private final ArtifactSearch search;
    private final ReadModelProgress progress;
    private final EventLogDurability durability;
    private final RequestActivity activity;
    private final RatingActivity ratings;
    private final BlobSweeps sweeps;
    private final DownloadGate downloads;
    private final boolean embeddedLog;
    private final boolean sharedSearch;

    ComponentProbes(JdbcTemplate jdbc, BlobStore blobs, ArtifactSearch search, ReadModelProgress progress,
                    EventLogDurability durability, RequestActivity activity, RatingActivity ratings,
                    BlobSweeps sweeps, StoreSelection stores, DownloadGate downloads) {
        this.sweeps = sweeps;
        this.downloads = downloads;
        this.embeddedLog = stores.eventStore() == StoreSelection.EventStore.JDBC;
        this.sharedSearch = stores.readModels() == StoreSelection.ReadModels.OPENSEARCH;
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.search = search;
        this.progress = progress;
        this.durability = durability;
        this.activity = activity;
        this.ratings = ratings;
    }

    /** Below this, H2 cannot write a page of the log: a full disk, whatever the blob store reports. */
    private static final long FULL_DISK_BYTES = 1L << 20;

    private java.nio.file.Path dataDir;

    /** The embedded log's directory, whose disk the event-store report watches. */
    @org.springframework.beans.factory.annotation.Autowired
    void dataDir(@org.springframework.beans.factory.annotation.Value("${registry.data-dir}") String dir) {
        this.dataDir = java.nio.file.Path.of(dir);
    }

    List<ComponentReport> probeAll(int windowMinutes, boolean includeTimeline) {
        long head = headPosition();
        List<ComponentReport> reports = new ArrayList<>();
        reports.add(eventStore(head));
        reports.add(blobStore());
        reports.add(searchIndex());
        reports.add(projections(head));
        reports.add(hubs());
        reports.add(downloadMonitor());
        reports.add(api(windowMinutes, includeTimeline));
        reports.add(rating(windowMinutes));
        return reports;
    }

    /** -1 when the log is empty or did not answer (the event-store report then says which). */
    private long headPosition() {
        try {
            return progress.head();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private ComponentReport eventStore(long head) {
        if (!embeddedLog) {
            return sharedEventStore();
        }
        var report = new ComponentReport("event-store", "Event store",
                "Append-only log of every change (Axon JDBC storage on embedded H2).");
        long started = System.nanoTime();
        try {
            var last = jdbc.query("SELECT timeStamp FROM DomainEventEntry WHERE globalIndex = ?",
                    (rs, row) -> rs.getString(1), head);
            report.metric("head_position", head).metric("probe_ms", (System.nanoTime() - started) / 1_000_000.0)
                    .metric("commit_mode", durability.mode())
                    .metric("fsyncs", durability.syncs()).metric("fsync_shared_waits", durability.sharedWaits());
            if (!last.isEmpty()) {
                report.lastEventAt(Instant.parse(last.get(0)));
                report.metric("last_event_at", last.get(0));
            }
            if (dataDir != null && java.nio.file.Files.isDirectory(dataDir)) {
                long usable = java.nio.file.Files.getFileStore(dataDir).getUsableSpace();
                report.metric("disk_usable_bytes", usable);
                if (usable < FULL_DISK_BYTES) {
                    report.issue(Status.critical, "event_store_disk_full", "The disk of the event log is full: "
                            + "writes are refused until space is freed.", null);
                }
            }
            durability.recheck();
            if (durability.lastFailure() != null) {
                report.issue(Status.critical, "event_store_fsync_failed", "Forcing the event log to disk failed; "
                        + "writes may not be durable.", durability.lastFailure());
            }
        } catch (RuntimeException | java.io.IOException e) {
            report.issue(Status.critical, "event_store_unreachable", "The event store did not answer a query.",
                    e.getClass().getSimpleName());
        }
        return report;
    }

    /**
     * The log on DynamoDB, shared by every node: its head, read from the table (a failed read is the probe's
     * finding). Durability is the service's (a write is acknowledged once stored in several zones), so there is
     * no fsync to count.
     */
    private ComponentReport sharedEventStore() {
        var report = new ComponentReport("event-store", "Event store",
                "Append-only log of every change (DynamoDB, conditional writes), shared by every node.");
        long started = System.nanoTime();
        try {
            long head = progress.head();
            report.metric("head_position", head).metric("probe_ms", (System.nanoTime() - started) / 1_000_000.0)
                    .metric("commit_mode", "dynamodb");
        } catch (RuntimeException e) {
            report.issue(Status.critical, "event_store_unreachable", "The event store did not answer a query.",
                    e.getClass().getSimpleName());
        }
        return report;
    }

    private ComponentReport blobStore() {
        var report = new ComponentReport("blob-store", "Package blob store",
                "Content-addressed storage of package bundles (sha-256).");
        try {
            var probe = blobs.probe();
            // No file-system location here: this endpoint answers without a token.
            report.metric("writable", probe.writable()).metric("usable_bytes", probe.usableBytes());
            // counted by the last sweep, which lists every blob anyway: no listing of its own on each probe
            sweeps.lastSweep().ifPresent(sweep -> {
                report.metric("last_sweep_at", sweep.endedAt().toString()).metric("last_sweep_ran", sweep.ran());
                if (sweep.ran()) {
                    report.metric("blobs", sweep.keptBlobs()).metric("blob_bytes", sweep.keptBytes())
                            .metric("last_sweep_deleted_blobs", sweep.deletedBlobs())
                            .metric("last_sweep_deleted_bytes", sweep.deletedBytes());
                }
            });
            if (!probe.writable()) {
                report.issue(Status.critical, "blob_store_not_writable", "Packages cannot be stored.", probe.detail());
            } else if (probe.usableBytes() < LOW_DISK_BYTES) {
                report.issue(Status.degraded, "blob_store_low_space", "Less than 1 GiB free for packages.", null);
            }
        } catch (RuntimeException e) {
            report.issue(Status.critical, "blob_store_failed", "The blob store probe failed.", e.getClass().getSimpleName());
        }
        return report;
    }

    /**
     * The hubs as the registry last saw them (never probed: a probe would spend their rate limits). Without them
     * only ingest and first downloads of files not stored yet fail (502); everything stored is served.
     */
    private ComponentReport hubs() {
        var report = new ComponentReport("hubs", "HuggingFace and GitHub",
                "The public hubs models are ingested from, as the last exchanges with them went (not probed).");
        io.modelregistry.hub.HubReachability.snapshot().forEach((hub, seen) -> {
            String key = hub.toLowerCase(java.util.Locale.ROOT);
            if (seen.lastAnswer() != null) {
                report.metric(key + "_last_answer_at", seen.lastAnswer().toString());
            }
            if (seen.lastFailure() != null) {
                report.metric(key + "_last_failure_at", seen.lastFailure().toString());
            }
            if (seen.failing()) {
                report.issue(Status.degraded, key + "_unreachable", hub + " did not answer the last time it was"
                        + " asked: ingest from it fails until it does.", hub + " " + seen.failure());
            }
        });
        return report;
    }

    ComponentReport downloadMonitor() {
        var report = new ComponentReport("download-monitor", "Download monitor (Node.js)",
                "Runs the monitor program of a sensitive model before each of its downloads, as its last runs went.");
        MonitorHealth seen = downloads.monitorHealth();
        report.metric("runs", seen.runs()).metric("unavailable_runs", seen.unavailable());
        if (seen.lastRunAt() != null) {
            report.metric("last_run_at", seen.lastRunAt().toString());
        }
        if (seen.lastUnavailableAt() != null) {
            report.metric("last_unavailable_at", seen.lastUnavailableAt().toString());
        }
        if (seen.failing()) {
            // downloads of other models do not need it, so the registry as a whole is degraded, not down
            report.issue(Status.degraded, "download_monitor_unavailable", "The last monitor program could not run: "
                    + "downloads of sensitive models are refused until it can.", seen.lastProblem());
        }
        return report;
    }

    ComponentReport searchIndex() {
        // registry.read-models picks the adapter; an operator reading this page must see which one answers
        var report = new ComponentReport("search-index", "Search index", sharedSearch
                ? "OpenSearch index behind name, listing and regular-expression search, shared by every node."
                : "Lucene index on this node's disk behind name, listing and regular-expression search.");
        try {
            var stats = search.stats();
            report.metric("documents", stats.documents()).metric("size_bytes", stats.sizeBytes())
                    .metric("committed_position", stats.lastAppliedPosition());
            if (stats.lastWriteAt() != null) {
                report.lastEventAt(stats.lastWriteAt());
            }
        } catch (RuntimeException e) {
            report.issue(Status.critical, "search_index_failed", "The search index could not be read.",
                    e.getClass().getSimpleName());
        }
        return report;
    }

    ComponentReport projections(long head) {
        var report = new ComponentReport("projections", "Projections",
                "Tracking processors that build the read models from the event log; lag = events not yet applied."
                        + " Reads are answered once every processor has reached the required position.");
        long worstLag = 0;
        int processors = 0;
        for (var processor : progress.processors()) {
            processors++;
            String name = processor.name();
            long lag = head < 0 ? 0 : Math.max(0, head - processor.position());
            worstLag = Math.max(worstLag, lag);
            report.metric("lag_" + name, lag);
            var failure = processor.failure();
            if (failure.isPresent() && failure.get().stopped()) {
                var f = failure.get();
                report.issue(Status.critical, "processor_failed", "Processor '" + name + "' stopped after failing "
                        + f.attempts() + " times on " + f.eventType() + " at position " + f.position() + " ("
                        + f.at() + "); restart the registry once the cause is removed.", f.error());
            } else if (!processor.running()) {
                report.issue(Status.critical, "processor_stopped", "Processor '" + name + "' is not running.", null);
            } else if (failure.isPresent() || processor.retrying()) {
                report.issue(Status.critical, "processor_error", "Processor '" + name + "' is retrying after an error"
                        + failure.map(f -> " on " + f.eventType() + " at position " + f.position() + " (attempt "
                        + f.attempts() + ")").orElse("") + "; see the log.", failure.map(f -> f.error()).orElse(null));
            } else if (lag > LAG_DEGRADED) {
                report.issue(Status.degraded, "projection_lag", "Processor '" + name + "' is " + lag
                        + " events behind.", null);
            }
        }
        var readiness = progress.readiness();
        report.metric("max_lag_events", worstLag).metric("processors", processors)
                .metric("reads_ready", readiness.ready()).metric("required_position", readiness.requiredPosition());
        if (!readiness.ready() && readiness.failedProcessors().isEmpty()) {
            report.issue(Status.degraded, "read_models_catching_up", "Reads answer 503 until every processor reaches "
                    + "position " + readiness.requiredPosition() + " (the slowest is at " + readiness.slowestPosition()
                    + ").", null);
        }
        return report;
    }

    private ComponentReport api(int windowMinutes, boolean includeTimeline) {
        var report = new ComponentReport("api", "REST API",
                "Requests served in the window, server errors (5xx) and upstream failures (502/504 from the hubs).");
        var summary = activity.summarize(windowMinutes);
        report.metric("requests", summary.total()).metric("server_errors", summary.serverErrors())
                .metric("upstream_errors", summary.upstreamErrors()).metric("unique_clients", summary.uniqueClients());
        if (summary.total() > 0 && summary.serverErrors() * 20 > summary.total()) {
            report.issue(Status.degraded, "server_errors", "More than 5% of requests failed with a server error.", null);
        }
        if (summary.upstreamErrors() > 0) {
            report.issue(Status.degraded, "upstream_errors", summary.upstreamErrors()
                    + " requests failed because HuggingFace or GitHub did not answer.", null);
        }
        if (includeTimeline) {
            List<Map<String, Object>> entries = new ArrayList<>();
            activity.timeline(windowMinutes).forEach((bucket, value) -> entries.add(Map.of(
                    "bucket", bucket.toString(), "value", value, "unit", "requests/minute")));
            report.timeline(entries);
        }
        return report;
    }

    /** Rating: recent ratings, failed metrics in the window (each an issue), the slowest metric. */
    private ComponentReport rating(int windowMinutes) {
        var report = new ComponentReport("rating", "Model rating",
                "Metrics computed for each model at ingest, on update and on request; a failed metric makes /rate"
                        + " answer 500 until the model is rated again.");
        var snapshot = ratings.snapshot();
        report.metric("ratings", snapshot.ratings()).metric("failed_ratings", snapshot.failedRatings())
                .metric("mean_rating_seconds", snapshot.meanRatingSeconds());
        if (snapshot.slowest() != null) {
            report.metric("slowest_metric", snapshot.slowest().metric())
                    .metric("slowest_metric_seconds", snapshot.slowest().seconds())
                    .metric("slowest_metric_model", snapshot.slowest().model());
        }
        if (snapshot.lastRatedAt() != null) {
            report.lastEventAt(snapshot.lastRatedAt()).metric("last_rated_at", snapshot.lastRatedAt().toString());
        }
        Instant since = Instant.now().minus(Duration.ofMinutes(windowMinutes));
        var recent = snapshot.recentFailures().stream().filter(f -> f.at().isAfter(since)).toList();
        report.metric("failed_metrics_in_window", recent.size());
        recent.stream().skip(Math.max(0, recent.size() - 5)).forEach(f -> report.issue(Status.degraded, "metric_failed",
                "Metric " + f.metric() + " failed for model '" + f.model() + "' at " + f.at() + ".", f.reason()));
        return report;
    }
}
