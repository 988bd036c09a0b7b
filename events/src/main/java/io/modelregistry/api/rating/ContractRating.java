package io.modelregistry.api.rating;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a rating as the contract's {@code ModelRating} JSON object: exactly its 26 fields, latencies in
 * seconds (the contract's validator, like a strict client, refuses properties it does not list). Extension
 * endpoints add the vetting with {@link #withVetting}.
 */
public final class ContractRating {

    private ContractRating() {
    }

    public static Map<String, Object> of(RatingOutcome outcome) {
        ModelRating rating = outcome.rating();
        RatingScores scores = rating.scores();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", rating.name());
        body.put("category", rating.category());
        for (RatingMetric metric : RatingMetric.values()) {
            if (metric == RatingMetric.SIZE_SCORE) {
                body.put(metric.wireName(), devices(scores.sizeScore()));
            } else {
                body.put(metric.wireName(), scores.of(metric));
            }
            body.put(metric.latencyField(), rating.latency(metric));
        }
        return body;
    }

    /** The contract's fields plus {@code vetted} and {@code vetting_note}, for extension endpoints only. */
    public static Map<String, Object> withVetting(RatingOutcome outcome) {
        Map<String, Object> body = of(outcome);
        body.put("vetted", outcome.vetted());
        body.put("vetting_note", vettingNote(outcome));
        return body;
    }

    /** "not vetted: ..." with the reason, for every place that shows a model's vetting. */
    public static String vettingNote(RatingOutcome outcome) {
        if (outcome.vetted()) {
            return "vetted: every non-latency metric with evidence is at least 0.5";
        }
        if (outcome.failed()) {
            return "not vetted: the rating failed (" + String.join(", ", outcome.failedMetrics()) + ")";
        }
        return "not vetted: below 0.5 on " + outcome.gateFindings().entrySet().stream()
                .map(e -> e.getKey() + "=" + String.format(java.util.Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(", "))
                + " (registered under gate policy '" + outcome.gatePolicy() + "')";
    }

    /** {@code size_score} as the contract names its devices. */
    public static Map<String, Object> devices(SizeScores size) {
        Map<String, Object> devices = new LinkedHashMap<>();
        devices.put("raspberry_pi", size.raspberryPi());
        devices.put("jetson_nano", size.jetsonNano());
        devices.put("desktop_pc", size.desktopPc());
        devices.put("aws_server", size.awsServer());
        return devices;
    }
}
