package io.modelregistry.server.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Per-minute counts of API requests (by route, artifact type, status class and client) for the health
 * dashboard. Bounded: keeps the last 1,440 minutes (the largest window the contract allows) and at most
 * a fixed number of distinct routes and clients per minute.
 */
@Component
public class RequestActivity {

    static final int MAX_MINUTES = 1440;
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
        final Map<String, LongAdder> perRoute = new ConcurrentHashMap<>();
        final Map<String, LongAdder> perType = new ConcurrentHashMap<>();
        final Map<String, Boolean> clients = new ConcurrentHashMap<>();
    }

    void record(String route, String artifactType, int status, String client) {
        long minute = clock.millis() / 60_000;
        Minute bucket = minutes.computeIfAbsent(minute, m -> new Minute());
        bucket.total.increment();
        if (status >= 500) {
            bucket.serverErrors.increment();
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
