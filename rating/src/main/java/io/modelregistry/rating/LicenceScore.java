package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.licence.LicenceCatalogue;
import io.modelregistry.licence.LicenceRating;
import io.modelregistry.licence.LicenceTerms;

/**
 * Clarity and permissiveness of the model's licence: the licence table's rating score ({@code licences} module,
 * {@link LicenceRating}) for the licence as ingested (HF {@code cardData.license} or a {@code license:} tag),
 * else as the card's front matter declares it; a licence named {@code other} is looked up by its
 * {@code license_name}. The table is the one the licence check reads: permissive licences score 1, copyleft
 * and use-restricted ones less, non-commercial near 0, none 0, an unrecognised one 0.3 (it needs a legal
 * review). No licence declared is measured as 0 (the course's rule: no permission to use it); an unrecognised
 * one is partly measured.
 */
final class LicenceScore implements Metric {

    private final LicenceCatalogue table;

    LicenceScore(LicenceCatalogue table) {
        this.table = table;
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.LICENSE;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        var declared = subject.licence();
        LicenceRating rating = table.rating(declared.orElse(null));
        String what = declared.map(d -> "licence '" + abbreviate(d) + "'"
                + (LicenceTerms.UNKNOWN.equals(rating.id()) || rating.id().equalsIgnoreCase(d.strip())
                        ? "" : " (" + rating.id() + ")") + ": ").orElse("");
        // no licence declared is evidence (nobody may use it: 0, the course's rule); a name the table does not
        // know is a licence nobody here has judged yet
        return LicenceTerms.UNKNOWN.equals(rating.id()) ? MetricValue.partial(rating.score(), what + rating.reason())
                : MetricValue.of(rating.score(), what + rating.reason());
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
