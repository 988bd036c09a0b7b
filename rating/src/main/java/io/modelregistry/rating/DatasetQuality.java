package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.rating.RatingMetric;
import io.modelregistry.licence.LicenceCatalogue;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quality of the datasets the card names, the mean over those the hub serves; 0 without evidence when none is
 * named or none is reachable (the availability itself is {@code dataset_and_code_score}'s to judge):
 * <pre>
 *   0.40 × card        0.7 × sections present of: description, structure/fields, creation/curation/source,
 *                      considerations/bias/limitations, licensing, citation; + 0.3 × front-matter keys present
 *                      of: task_categories, size_categories, language, license, pretty_name
 *   0.20 × popularity  0.7 × log-scaled downloads (100,000 = 1) + 0.3 × log-scaled likes (300 = 1)
 *   0.15 × licence     the licence table's rating score for the dataset's licence ("unknown" = 0)
 *   0.25 × size        size_categories: n&lt;1K 0.4, 1K-10K 0.6, 10K-100K 0.8, larger 1; no category but files: 0.5
 * </pre>
 */
final class DatasetQuality implements Metric {

    private static final List<Pattern> SECTIONS = List.of(
            Pattern.compile("(?i)(description|summary|overview|about)"),
            Pattern.compile("(?i)(structure|fields|instances|splits|schema|format)"),
            Pattern.compile("(?i)(creation|curation|collection|source|annotation|provenance)"),
            Pattern.compile("(?i)(considerations|bias|limitation|social impact|ethic|risk)"),
            Pattern.compile("(?i)licens"),
            Pattern.compile("(?i)(citation|bibtex|cite)"));
    private static final List<String> KEYS = List.of("task_categories", "size_categories", "language", "license",
            "pretty_name");

    private final LicenceCatalogue licences;

    DatasetQuality(LicenceCatalogue licences) {
        this.licences = licences;
    }

    @Override
    public Set<Evidence> needs() {
        return Set.of(Evidence.DATASETS);
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.DATASET_QUALITY;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        List<DatasetEvidence> reachable = subject.datasets().stream().filter(DatasetEvidence::reachable).toList();
        if (reachable.isEmpty()) {
            return MetricValue.unknown(0, subject.datasets().isEmpty() ? "no dataset named"
                    : "no named dataset is reachable (" + String.join(", ", subject.datasetIds()) + ")");
        }
        double sum = 0;
        StringBuilder why = new StringBuilder();
        for (DatasetEvidence dataset : reachable) {
            double quality = quality(dataset);
            sum += quality;
            why.append(why.length() == 0 ? "" : "; ").append(dataset.id()).append(' ').append(Scores.two(quality));
        }
        if (reachable.size() < subject.datasets().size()) {
            why.append("; ").append(subject.datasets().size() - reachable.size()).append(" named dataset(s) unreachable");
            return MetricValue.partial(sum / reachable.size(), why.toString());
        }
        return MetricValue.of(sum / reachable.size(), why.toString());
    }

    double quality(DatasetEvidence dataset) {
        ModelCard card = dataset.card();
        JsonNode cardData = dataset.info().path("cardData");
        long sections = SECTIONS.stream().filter(p -> !card.sectionsTitled(p).isEmpty()).count();
        long keys = KEYS.stream().filter(k -> card.frontMatter(k).isPresent() || !cardData.path(k).isMissingNode()).count();
        double completeness = 0.7 * sections / SECTIONS.size() + 0.3 * keys / KEYS.size();
        double popularity = 0.7 * Scores.logScale(dataset.info().path("downloads").asLong(0), 100_000)
                + 0.3 * Scores.logScale(dataset.info().path("likes").asLong(0), 300);
        String licence = card.frontMatterText("license").orElse(first(cardData.path("license")));
        double licenceScore = licences.rating(licence).score();
        return 0.40 * completeness + 0.20 * popularity + 0.15 * licenceScore + 0.25 * size(card, dataset.info());
    }

    private static String first(JsonNode node) {
        if (node.isArray() && !node.isEmpty()) {
            return node.get(0).asText(null);
        }
        return node.isTextual() ? node.asText() : null;
    }

    static double size(ModelCard card, JsonNode info) {
        String category = card.frontMatterText("size_categories").orElse(first(info.path("cardData").path("size_categories")));
        if (category != null) {
            String c = category.toLowerCase(Locale.ROOT).replace(" ", "");
            if (c.startsWith("n<1k")) {
                return 0.4;
            }
            if (c.startsWith("1k<")) {
                return 0.6;
            }
            if (c.startsWith("10k<")) {
                return 0.8;
            }
            return 1;
        }
        return info.path("siblings").size() > 0 || info.path("usedStorage").asLong(0) > 0 ? 0.5 : 0;
    }
}
