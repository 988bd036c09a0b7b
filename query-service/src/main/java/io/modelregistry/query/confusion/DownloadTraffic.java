package io.modelregistry.query.confusion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An artifact's download history reduced to what says whether its popularity is real: how many downloads, from how
 * many users, and whether they came in a burst from one user or at machine-regular intervals (ConfuGuard's
 * "anomalous traffic" signal). Anomalous traffic makes the distinct users, not the downloads, its popularity.
 */
public record DownloadTraffic(long downloads, long distinctUsers, boolean historyTruncated, String anomaly) {

    public static final DownloadTraffic NONE = new DownloadTraffic(0, 0, false, null);

    /** Fewer downloads than this are too few to call a pattern. */
    static final int MIN_DOWNLOADS_FOR_PATTERN = 10;
    static final double BURST_SHARE = 0.8;
    static final double REGULAR_CV = 0.1;

    public record Download(String user, Instant at) {
    }

    public static DownloadTraffic of(List<Download> downloads, boolean truncated) {
        if (downloads.isEmpty()) {
            return new DownloadTraffic(0, 0, truncated, null);
        }
        Map<String, Integer> perUser = new HashMap<>();
        downloads.forEach(d -> perUser.merge(d.user() == null ? "" : d.user(), 1, Integer::sum));
        int n = downloads.size();
        int top = perUser.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        String anomaly = null;
        if (n >= MIN_DOWNLOADS_FOR_PATTERN && top >= BURST_SHARE * n) {
            anomaly = top + " of " + n + " downloads come from one user";
        } else if (n >= MIN_DOWNLOADS_FOR_PATTERN) {
            List<Instant> times = new ArrayList<>(downloads.stream().map(Download::at).sorted().toList());
            double[] gaps = new double[times.size() - 1];
            for (int i = 1; i < times.size(); i++) {
                gaps[i - 1] = java.time.Duration.between(times.get(i - 1), times.get(i)).toMillis();
            }
            double mean = java.util.Arrays.stream(gaps).average().orElse(0);
            if (mean > 0) {
                double variance = java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).average().orElse(0);
                double cv = Math.sqrt(variance) / mean;
                if (cv < REGULAR_CV) {
                    anomaly = String.format(java.util.Locale.ROOT,
                            "%d downloads arrive every %.1f s with a coefficient of variation of %.3f: machine-regular",
                            n, mean / 1000.0, cv);
                }
            }
        }
        return new DownloadTraffic(n, perUser.size(), truncated, anomaly);
    }

    /** The popularity the score believes: downloads, or distinct users when the downloads look bot-made. */
    long effectivePopularity() {
        return anomaly == null ? downloads : distinctUsers;
    }
}
