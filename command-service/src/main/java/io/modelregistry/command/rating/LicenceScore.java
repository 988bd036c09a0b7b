package io.modelregistry.command.rating;

import io.modelregistry.api.rating.RatingMetric;

/**
 * Clarity and permissiveness of the model's licence: the score of {@code rating/licence-scores.json} for the
 * licence as ingested (HF {@code cardData.license} or a {@code license:} tag), else as the card's front
 * matter declares it; a licence named {@code other} is looked up by its {@code license_name}. Permissive
 * licences score 1, copyleft and use-restricted ones less, non-commercial near 0, none 0, an unrecognised
 * one 0.3 (it needs a legal review).
 */
final class LicenceScore implements Metric {

    private final LicenceTable table;

    LicenceScore(LicenceTable table) {
        this.table = table;
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.LICENSE;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        var declared = subject.licence();
        LicenceTable.Entry entry = table.lookup(declared.orElse(null));
        String what = declared.map(d -> "licence '" + abbreviate(d) + "': ").orElse("");
        return MetricValue.of(entry.score(), what + entry.reason());
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
