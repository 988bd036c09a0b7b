package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.rating.RatingMetric;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evidence for the performance the card claims:
 * <pre>
 *   0.6 × results     structured {@code model-index} results with metric values: 0.75; a table of numbers in an
 *                     evaluation/results/benchmark section: 0.8; both: 1
 *   0.2 × benchmarks  a named benchmark or metric (GLUE, SQuAD, ImageNet, accuracy, F1, WER, BLEU, ...)
 *   0.2 × citation    a BibTeX entry, an arXiv or DOI link
 * </pre>
 * Placeholders of the card template do not count; a template's own sample link (e.g. the ML CO2 impact
 * paper) does, which is why a blank template card scores about 0.2. Without a card and without model-index
 * results there is nothing to read claims from: 0, no evidence.
 */
final class PerformanceClaims implements Metric {

    private static final Pattern RESULTS_SECTION = Pattern.compile(
            "(?i)(evaluat|result|benchmark|performance|accuracy|metric|leaderboard)");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("(?m)^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)+\\|?\\s*$");
    private static final Pattern TABLE_NUMBER = Pattern.compile("(?m)^\\s*\\|.*\\b\\d+(\\.\\d+)?\\s*%?\\s*\\|");
    private static final Pattern BENCHMARK = Pattern.compile("(?i)\\b(glue|superglue|squad|mnli|sst-?2|imagenet|coco"
            + "|mmlu|hellaswag|arc|gsm8k|humaneval|librispeech|common voice|wer|cer|bleu|rouge|meteor|perplexity"
            + "|accuracy|f1|exact match|top-1|top-5|map|auc|precision|recall|mse|psnr|ssim|fid)\\b");
    private static final Pattern CITATION = Pattern.compile(
            "(?i)(@(article|inproceedings|misc|book|techreport|phdthesis|online)\\s*\\{|arxiv\\.org/(abs|pdf)/|doi\\.org/)");

    @Override
    public RatingMetric id() {
        return RatingMetric.PERFORMANCE_CLAIMS;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        ModelCard card = subject.card();
        boolean modelIndex = hasModelIndexResults(subject.hubInfo().path("model-index"))
                || hasModelIndexResults(subject.hubInfo().path("cardData").path("model-index"))
                || card.frontMatter("model-index").map(PerformanceClaims::yamlHasResults).orElse(false);
        boolean table = card.sectionsTitled(RESULTS_SECTION).stream().anyMatch(s -> isNumericTable(s.prose()));
        double results = modelIndex && table ? 1 : table ? 0.8 : modelIndex ? 0.75 : 0;
        String prose = ModelCard.substance(card.prose());
        boolean benchmark = BENCHMARK.matcher(prose).find() || modelIndex;
        boolean citation = CITATION.matcher(card.body()).find();
        double score = 0.6 * results + 0.2 * (benchmark ? 1 : 0) + 0.2 * (citation ? 1 : 0);
        if (!card.present() && !modelIndex) {
            // a card that claims nothing is evidence; a card we never saw is not
            return MetricValue.unknown(0, "no model card and no model-index results to read claims from");
        }
        return MetricValue.of(score, (modelIndex ? "model-index results" : "no model-index results")
                + (table ? ", a results table" : ", no results table")
                + (benchmark ? ", named benchmarks/metrics" : "")
                + (citation ? ", a citation" : ", no citation"));
    }

    static boolean isNumericTable(String text) {
        return TABLE_SEPARATOR.matcher(text).find() && TABLE_NUMBER.matcher(text).find();
    }

    private static boolean hasModelIndexResults(JsonNode modelIndex) {
        for (JsonNode entry : modelIndex) {
            for (JsonNode result : entry.path("results")) {
                for (JsonNode metric : result.path("metrics")) {
                    if (metric.has("value") && !metric.path("value").isNull()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The same check on the YAML front matter (maps and lists from SnakeYAML), bounded by its depth. */
    private static boolean yamlHasResults(Object modelIndex) {
        if (!(modelIndex instanceof Collection<?> entries)) {
            return false;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> e && e.get("results") instanceof Collection<?> results) {
                for (Object result : results) {
                    if (result instanceof Map<?, ?> r && r.get("metrics") instanceof Collection<?> metrics) {
                        for (Object metric : metrics) {
                            if (metric instanceof Map<?, ?> m && m.get("value") != null) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }
}
