package io.modelregistry.server.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.IntCountsHistogram;
import org.HdrHistogram.Recorder;
import org.springframework.stereotype.Component;

/**
 * Per-minute counts of API requests (by route, artifact type, status class and client) for the health
 * dashboard. Bounded: keeps the last 1,440 minutes (the largest window the contract allows) and at most
 * a fixed number of distinct routes and clients per minute. Latency is a histogram per minute (HdrHistogram,
 * two significant digits, up to an hour per request), kept for the last {@value #LATENCY_MINUTES} minutes only:
 * about 8 KB a minute, where counts cost a few bytes.
 */
@Component
public class RequestActivity {

    static final int MAX_MINUTES = 1440;
    static final int LATENCY_MINUTES = 120;
    private static final long MAX_TRACKED_MILLIS = 3_600_000;
    private static final int MAX_KEYS_PER_MINUTE = 256;

    private final Clock clock;
    private final ConcurrentSkipListMap<Long, Minute> minutes = new ConcurrentSkipListMap<>();

    RequestActivity(Clock clock) {
        this.clock = clock;
    }

    static final class Minute {
        final LongAdder total = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final LongAdder upstreamErrors = new LongAdder();
        final LongAdder clientErrors = new LongAdder();
        final LongAdder ingests = new LongAdder();
        final LongAdder uploads = new LongAdder();
        final LongAdder downloads = new LongAdder();
        // Written by request threads, read by the dashboard: a Recorder swaps histograms without locking writers.
        volatile Recorder latency = new Recorder(1, MAX_TRACKED_MILLIS, 2);
        private IntCountsHistogram accumulated;

        synchronized IntCountsHistogram latencySoFar() {
            Recorder recorder = latency;
            if (recorder == null) {
                return accumulated;
            }
            var interval = recorder.getIntervalHistogram();
            if (accumulated == null) {
                accumulated = new IntCountsHistogram(1, MAX_TRACKED_MILLIS, 2);
            }
            accumulated.add(interval);
            return accumulated;
        }

        synchronized void dropLatency() {
            latency = null;
            accumulated = null;
        }
        final Map<String, LongAdder> perRoute = new ConcurrentHashMap<>();
        final Map<String, LongAdder> perType = new ConcurrentHashMap<>();
        final Map<String, Boolean> clients = new ConcurrentHashMap<>();
    }

    void record(String route, String artifactType, int status, String client) {
        record(route, artifactType, status, client, -1);
    }

    /** One answered request; {@code millis} is how long it took ({@code -1}: not measured). */
    void record(String route, String artifactType, int status, String client, long millis) {
        long minute = clock.millis() / 60_000;
        Minute bucket = minutes.computeIfAbsent(minute, m -> new Minute());
        bucket.total.increment();
        if (status >= 500) {
            bucket.serverErrors.increment();
        } else if (status >= 400) {
            bucket.clientErrors.increment();
        }
        countActivity(bucket, route, status);
        Recorder latency = bucket.latency;
        if (millis >= 0 && latency != null) {
            latency.recordValue(Math.min(Math.max(millis, 1), MAX_TRACKED_MILLIS));
        }
        if (status == 502 || status == 504) {
            bucket.upstreamErrors.increment();
        }
        count(bucket.perRoute, route);
        if (artifactType != null) {
            count(bucket.perType, artifactType);
        }
        if (client != null && bucket.clients.size() < MAX_KEYS_PER_MINUTE * 4) {
            bucket.clients.put(client, Boolean.TRUE);
        }
        minutes.headMap(minute - MAX_MINUTES).clear();
        var old = minutes.floorEntry(minute - LATENCY_MINUTES);
        if (old != null && old.getValue().latency != null) {
            minutes.headMap(minute - LATENCY_MINUTES, true).values().forEach(Minute::dropLatency);
        }
    }

    /**
     * What the dashboard charts as activity: a registration by URL, an upload (a new artifact or a new version from
     * a zip) and a package download, each counted when it succeeded. Routes are matched patterns, never raw paths.
     */
    private static void countActivity(Minute bucket, String route, int status) {
        if (status < 200 || status >= 300) {
            return;
        }
        if (route.equals("POST /artifact/{artifact_type}")) {
            bucket.ingests.increment();
        } else if (route.startsWith("POST ") && (route.contains("/upload") || route.endsWith("/versions"))) {
            bucket.uploads.increment();
        } else if (route.equals("GET /download/{id}")) {
            bucket.downloads.increment();
        }
    }

    /**
     * One row per minute of the window, oldest first (zeros included): requests, errors by class, latency
     * percentiles in milliseconds (null when the minute had no measured request or is older than the latency
     * horizon), and the activity counts.
     */
    List<MinuteActivity> activity(int windowMinutes) {
        long now = clock.millis() / 60_000;
        List<MinuteActivity> rows = new ArrayList<>(windowMinutes);
        for (long m = now - windowMinutes + 1; m <= now; m++) {
            Minute minute = minutes.get(m);
            Instant at = Instant.ofEpochMilli(m * 60_000);
            if (minute == null) {
                rows.add(new MinuteActivity(at, 0, 0, 0, null, null, null, 0, 0, 0));
                continue;
            }
            IntCountsHistogram latency = minute.latencySoFar();
            boolean measured = latency != null && latency.getTotalCount() > 0;
            rows.add(new MinuteActivity(at, minute.total.sum(), minute.clientErrors.sum(), minute.serverErrors.sum(),
                    measured ? latency.getValueAtPercentile(50) : null,
                    measured ? latency.getValueAtPercentile(95) : null,
                    measured ? latency.getValueAtPercentile(99) : null,
                    minute.ingests.sum(), minute.uploads.sum(), minute.downloads.sum()));
        }
        return rows;
    }

    record MinuteActivity(Instant minute, long requests, long clientErrors, long serverErrors, Long p50Millis,
                          Long p95Millis, Long p99Millis, long ingests, long uploads, long downloads) {
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        if (counts.size() < MAX_KEYS_PER_MINUTE || counts.containsKey(key)) {
            counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
    }

    /** Totals over the trailing window. */
    Summary summarize(int windowMinutes) {
        long now = clock.millis() / 60_000;
        NavigableMap<Long, Minute> window = minutes.subMap(now - windowMinutes + 1, true, now, true);
        long total = 0;
        long serverErrors = 0;
        long upstreamErrors = 0;
        Map<String, Long> perRoute = new TreeMap<>();
        Map<String, Long> perType = new TreeMap<>();
        var clients = new java.util.HashSet<String>();
        for (Minute minute : window.values()) {
            total += minute.total.sum();
            serverErrors += minute.serverErrors.sum();
            upstreamErrors += minute.upstreamErrors.sum();
            minute.perRoute.forEach((k, v) -> perRoute.merge(k, v.sum(), Long::sum));
            minute.perType.forEach((k, v) -> perType.merge(k, v.sum(), Long::sum));
            clients.addAll(minute.clients.keySet());
        }
        return new Summary(Instant.ofEpochMilli((now - windowMinutes + 1) * 60_000), clock.instant(), total,
                serverErrors, upstreamErrors, perRoute, perType, clients.size());
    }

    /** Requests per minute over the window, oldest first, one entry per minute (zeros included). */
    NavigableMap<Instant, Long> timeline(int windowMinutes) {
        long now = clock.millis() / 60_000;
        NavigableMap<Instant, Long> series = new TreeMap<>();
        for (long m = now - windowMinutes + 1; m <= now; m++) {
            Minute minute = minutes.get(m);
            series.put(Instant.ofEpochMilli(m * 60_000), minute == null ? 0 : minute.total.sum());
        }
        return series;
    }

    record Summary(Instant windowStart, Instant windowEnd, long total, long serverErrors, long upstreamErrors,
                   Map<String, Long> perRoute, Map<String, Long> perArtifactType, int uniqueClients) {
    }
}
