package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.util.regex.Pattern;

/**
 * How quickly a newcomer can start using the model, from its card:
 * <pre>
 *   0.25 × depth        substantive words of prose (placeholders, code, headings left out) / 600, capped at 1
 *   0.25 × example      a code block that loads or calls a model: 1; some other code: 0.5; none: 0
 *   0.15 × usage        a usage / how-to-use / getting-started section with code or 200+ characters of text
 *   0.10 × install      install steps (pip/conda/npm install, or an "Installation" heading)
 *   0.15 × loading      a known library to load it with (0.6) and a config.json (0.4)
 *   0.10 × finished     1 − (template placeholders left in / 5), capped at 0; 0 without a card
 * </pre>
 * Without a card only the loading part is known (evidence partial).
 */
final class RampUpTime implements Metric {

    private static final Pattern USAGE = Pattern.compile(
            "(?i)\\b(usage|how to use|how to get started|getting started|get started|quick ?start|example|inference"
                    + "|use the model|using the model)\\b");
    private static final Pattern INSTALL = Pattern.compile(
            "(?im)(pip3? install|conda install|npm (i|install) |uv (pip|add) |poetry add|^\\s*#{1,6}\\s*install)");
    private static final Pattern LOADS_MODEL = Pattern.compile(
            "from_pretrained\\(|pipeline\\(|hf_hub_download|SentenceTransformer\\(|load_model\\(|\\.load\\(|import ");

    @Override
    public RatingMetric id() {
        return RatingMetric.RAMP_UP_TIME;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        ModelCard card = subject.card();
        double loading = (subject.library().isPresent() ? 0.6 : 0) + (subject.hasConfig() ? 0.4 : 0);
        if (!card.present()) {
            // only the library and config are known: the card, most of what a newcomer reads, is not
            return MetricValue.partial(0.15 * loading, "no model card: only the library/config say how to load it");
        }
        int words = card.substantiveWords();
        double depth = Math.min(1, words / 600.0);
        double example = card.codeBlocks().stream().anyMatch(b -> LOADS_MODEL.matcher(b.code()).find()) ? 1
                : card.codeBlocks().isEmpty() ? 0 : 0.5;
        boolean usage = card.sectionsTitled(USAGE).stream().anyMatch(s -> s.codeBlocks() > 0
                || ModelCard.substance(s.prose()).length() >= 200);
        boolean install = INSTALL.matcher(card.body()).find();
        double finished = 1 - Math.min(1, card.placeholders() / 5.0);
        double score = 0.25 * depth + 0.25 * example + 0.15 * (usage ? 1 : 0) + 0.10 * (install ? 1 : 0)
                + 0.15 * loading + 0.10 * finished;
        return MetricValue.of(score, words + " words of documentation"
                + (example == 1 ? ", a usage example" : example > 0 ? ", code without a usage example" : ", no code")
                + (usage ? ", a usage section" : ", no usage section")
                + (install ? ", install steps" : "")
                + (card.placeholders() > 0 ? ", " + card.placeholders() + " template placeholders left" : ""));
    }
}
