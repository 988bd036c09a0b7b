package io.modelregistry.rating;

import io.modelregistry.api.rating.MetricEvidence;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.api.rating.SizeScores;

/**
 * How well one copy of the model's weights ({@link WeightFiles}) fits each reference device: 1 up to the
 * device's "comfortable" size, falling linearly to 0 at its "impractical" size (MB = 10^6 bytes):
 * <pre>
 *   raspberry_pi   1 up to 100 MB,  0 from 600 MB    (CPU-only, 1-8 GB shared RAM: interactive latency limits first)
 *   jetson_nano    1 up to 125 MB,  0 from 700 MB    (4 GB shared with a small GPU)
 *   desktop_pc     1 up to 1 GB,    0 from 16 GB     (16 GB RAM, a consumer GPU)
 *   aws_server     1 up to 16 GB,   0 from 160 GB    (multi-GPU instances)
 * </pre>
 * Both bounds grow from device to device, so a score never decreases from raspberry_pi to aws_server (it is
 * also enforced). Without any weight file the whole declared download size is used (partly measured); with
 * neither the size is unknown (no evidence).
 */
final class SizeScore implements Metric {

    static final long MB = 1_000_000L;

    @Override
    public RatingMetric id() {
        return RatingMetric.SIZE_SCORE;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        var weights = WeightFiles.of(subject.files());
        long bytes = weights.map(WeightFiles.Weights::bytes)
                .orElse(subject.content().pkg() == null ? 0 : subject.content().pkg().declaredBytes());
        SizeScores scores = forBytes(bytes);
        String what = weights.map(w -> w.format() + " weights").orElse("no weight files listed; the whole download");
        MetricEvidence evidence = weights.isPresent() ? MetricEvidence.MEASURED
                : bytes > 0 ? MetricEvidence.PARTIAL : MetricEvidence.NONE;
        return new MetricValue(scores.best(), scores, (bytes == 0 && weights.isEmpty()
                ? "no weight files and no declared size: " : "") + what + " of " + String.format(java.util.Locale.ROOT, "%.1f",
                bytes / (double) MB) + " MB: pi " + Scores.two(scores.raspberryPi()) + ", nano "
                + Scores.two(scores.jetsonNano()) + ", pc " + Scores.two(scores.desktopPc()) + ", aws "
                + Scores.two(scores.awsServer()), evidence);
    }

    static SizeScores forBytes(long bytes) {
        double pi = device(bytes, 100, 600);
        double nano = Math.max(pi, device(bytes, 125, 700));
        double pc = Math.max(nano, device(bytes, 1_000, 16_000));
        double aws = Math.max(pc, device(bytes, 16_000, 160_000));
        return new SizeScores(pi, nano, pc, aws);
    }

    private static double device(long bytes, long fullMb, long zeroMb) {
        return Scores.round(Scores.linearDown(bytes / (double) MB, fullMb, zeroMb));
    }
}
