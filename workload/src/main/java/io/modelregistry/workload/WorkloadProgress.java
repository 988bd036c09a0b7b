package io.modelregistry.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What a running workload is doing, readable from any thread while it runs (the dashboard polls it). */
public final class WorkloadProgress {

    private final long startedNanos = System.nanoTime();
    private volatile String phase = "starting";
    private volatile long seedTotal;
    private volatile long downloadTotal;
    private final AtomicLong seeded = new AtomicLong();
    private final AtomicLong downloaded = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    void phase(String phase) {
        this.phase = phase;
    }

    void expectSeeds(long total) {
        seedTotal = total;
    }

    void expectDownloads(long total) {
        downloadTotal = total;
    }

    void seeded() {
        seeded.incrementAndGet();
    }

    void downloaded(long bytesRead) {
        downloaded.incrementAndGet();
        bytes.addAndGet(bytesRead);
    }

    void error() {
        errors.incrementAndGet();
    }

    public String phase() {
        return phase;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phase", phase);
        json.put("elapsed_seconds", Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0);
        json.put("models_seeded", seeded.get());
        json.put("models_to_seed", seedTotal);
        json.put("downloads_done", downloaded.get());
        json.put("downloads_planned", downloadTotal);
        json.put("bytes_downloaded", bytes.get());
        json.put("errors", errors.get());
        return json;
    }
}
