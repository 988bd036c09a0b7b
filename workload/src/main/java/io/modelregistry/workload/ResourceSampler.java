package io.modelregistry.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Samples a {@link ServerProbe} every {@code interval} on its own daemon thread while a phase runs: CPU as cores
 * busy (CPU time per wall time between two samples), resident memory and heap in use (first, last, max).
 */
final class ResourceSampler implements AutoCloseable {

    private final ServerProbe probe;
    private final long intervalMillis;
    private final List<double[]> samples = new ArrayList<>(); // {wall nanos, cpu nanos, rss, heap}; -1 = unknown
    private final Thread thread;
    private volatile boolean running = true;

    ResourceSampler(ServerProbe probe, long intervalMillis) {
        this.probe = probe;
        this.intervalMillis = intervalMillis;
        sample();
        this.thread = new Thread(this::loop, "workload-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private void sample() {
        double[] sample = {System.nanoTime(), value(probe.cpuNanos()), value(probe.residentBytes()),
            value(probe.heapUsedBytes())};
        synchronized (samples) {
            samples.add(sample);
        }
    }

    private static double value(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        sample();
    }

    Map<String, Object> toJson() {
        List<double[]> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sampled", probe.describe());
        json.put("samples", copy.size());
        json.put("interval_ms", intervalMillis);
        double maxCores = -1;
        for (int i = 1; i < copy.size(); i++) {
            double wall = copy.get(i)[0] - copy.get(i - 1)[0];
            if (copy.get(i)[1] >= 0 && copy.get(i - 1)[1] >= 0 && wall > 0) {
                maxCores = Math.max(maxCores, (copy.get(i)[1] - copy.get(i - 1)[1]) / wall);
            }
        }
        double[] first = copy.get(0);
        double[] last = copy.get(copy.size() - 1);
        double wall = last[0] - first[0];
        json.put("cpu_cores_mean", first[1] >= 0 && last[1] >= 0 && wall > 0
                ? DownloadPhase.round((last[1] - first[1]) / wall, 2) : null);
        json.put("cpu_cores_max", maxCores >= 0 ? DownloadPhase.round(maxCores, 2) : null);
        json.put("cpu_cores_available", Runtime.getRuntime().availableProcessors());
        json.put("resident_mb", series(copy, 2));
        json.put("heap_used_mb", series(copy, 3));
        return json;
    }

    private static Map<String, Object> series(List<double[]> samples, int field) {
        if (samples.get(0)[field] < 0) {
            return null;
        }
        double max = 0;
        for (double[] sample : samples) {
            max = Math.max(max, sample[field]);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("first", DownloadPhase.round(samples.get(0)[field] / 1e6, 1));
        json.put("last", DownloadPhase.round(samples.get(samples.size() - 1)[field] / 1e6, 1));
        json.put("max", DownloadPhase.round(max / 1e6, 1));
        return json;
    }
}
