package io.modelregistry.hub.lineage;

import static io.modelregistry.api.lineage.DeclaredRelationship.CODE;
import static io.modelregistry.api.lineage.DeclaredRelationship.DATASET;
import static io.modelregistry.api.lineage.DeclaredRelationship.MODEL;
import static io.modelregistry.api.lineage.DeclaredRelationship.SOURCE_README_TEXT;

import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.TargetKeys;
import io.modelregistry.hub.CardMentions;
import io.modelregistry.hub.FrontMatter;
import io.modelregistry.hub.MarkdownOutline;
import io.modelregistry.hub.RepoIds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relationships stated in a card's prose, for cards that predate the {@code base_model} key: a derivation
 * sentence ("a fine-tuned version of [bert-base-uncased](https://huggingface.co/bert-base-uncased)",
 * "a distilled version of the [BERT base model](…)"), hub dataset links in training context, GitHub
 * repository links, and dataset names the prose mentions ("trained on ImageNet", see {@link CardMentions}). Fenced code blocks are skipped (their URLs are usage examples, not provenance); which lines
 * are code and which are headings is read with CommonMark (hub's {@link MarkdownOutline}).
 */
final class ReadmeTextRelationships {

    static final int MAX_LINES = 5_000;
    static final int MAX_LINE_CHARS = 4_000;

    private static final String TOKEN = "[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)?";
    private static final Pattern DERIVATION = Pattern.compile(
            "(?i)\\b(fine[- ]?tuned|fine[- ]tune|finetune|distilled|quantized|adapter)\\s+"
                    + "(?:version|checkpoint|model|variant)\\s+of\\s+(?:the\\s+)?"
                    + "(?:\\[([^\\]\\n]{1,200})\\]\\(\\s*<?([^)\\s>]{1,500})>?(?:\\s+\"[^\"]*\")?\\s*\\)|`?(" + TOKEN + ")`?)");
    private static final Pattern DATASET_LINK = Pattern.compile(
            "https?://(?:www\\.)?huggingface\\.co/datasets/[A-Za-z0-9][A-Za-z0-9._/-]{0,200}");
    private static final Pattern GITHUB_LINK = Pattern.compile("https?://(?:www\\.)?github\\.com/[A-Za-z0-9._/-]{1,250}");
    private static final Pattern TRAINING_HEADING = Pattern.compile("(?i)train|fine-?tun|dataset");
    private static final Pattern TRAINING_LINE = Pattern.compile(
            "(?i)\\b(?:trained|fine-?tuned|pre-?trained)\\s+(?:on|with|using)\\b|training (?:data|set|corpus|corpora)"
                    + "|\\bcorpus\\b|\\bcorpora\\b");
    private static final Pattern FILE_IN_REPO = Pattern.compile("/(?:resolve|blob|raw|tree|viewer)/");

    private ReadmeTextRelationships() {
    }

    static void collect(FrontMatter card, RelationshipCollector out) {
        String[] lines = card.lines();
        int first = card.bodyStart();
        int last = Math.min(lines.length, first + MAX_LINES);
        if (first >= last) {
            return;
        }
        // code blocks and headings as CommonMark sees them; line numbers are relative to the body
        MarkdownOutline outline = MarkdownOutline.of(Arrays.asList(lines).subList(first, last));
        boolean[] code = new boolean[last - first];
        outline.fences().forEach(fence -> Arrays.fill(code, fence.firstLine(),
                Math.min(code.length, fence.lastLine() + 1), true));
        Map<Integer, String> headingAt = new HashMap<>();
        outline.headings().forEach(heading -> headingAt.put(heading.firstLine(), heading.title()));
        String heading = "";
        Set<String> mentions = new LinkedHashSet<>();
        for (int i = first; i < last; i++) {
            String line = lines[i];
            if (code[i - first] || line.length() > MAX_LINE_CHARS) {
                continue;
            }
            heading = headingAt.getOrDefault(i - first, heading);
            String where = "README.md line " + (i + 1) + ": ";
            derivations(line, where, out);
            datasetLinks(line, heading, where, out);
            githubLinks(line, where, out);
            mentions(line, where, mentions, out);
        }
    }

    /** Dataset names in prose ({@link CardMentions}), stored compact; they link only to what is registered here. */
    private static void mentions(String line, String where, Set<String> mentions, RelationshipCollector out) {
        int before = mentions.size();
        CardMentions.inLine(line, mentions);
        mentions.stream().skip(before).forEach(name -> out.add(TargetKeys.compactOf(name), DATASET,
                CardRelationships.TRAINED_ON, DeclaredRelationship.SOURCE_README_MENTION, where + name));
    }

    private static void derivations(String line, String where, RelationshipCollector out) {
        Matcher m = DERIVATION.matcher(line);
        while (m.find()) {
            String relation = relation(m.group(1));
            Optional<String> target = m.group(3) != null
                    ? RepoIds.modelFromUrl(m.group(3)).or(() -> RepoIds.model(m.group(2)))
                    : bareTarget(m.group(4));
            target.ifPresent(t -> out.add(t, MODEL, relation, SOURCE_README_TEXT, where + m.group()));
        }
    }

    /** A bare name after "version of" is taken only when it looks like a repo id, not an English word. */
    private static Optional<String> bareTarget(String token) {
        if (token == null || !(token.contains("/") || token.contains("-"))) {
            return Optional.empty();
        }
        return RepoIds.model(token);
    }

    private static String relation(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.startsWith("distil")) {
            return "distilled_from";
        }
        if (v.startsWith("quantiz")) {
            return "quantized_from";
        }
        if (v.startsWith("adapter")) {
            return "adapter_of";
        }
        return "fine_tuned_from";
    }

    private static void datasetLinks(String line, String heading, String where, RelationshipCollector out) {
        if (!TRAINING_HEADING.matcher(heading).find() && !TRAINING_LINE.matcher(line).find()) {
            return;
        }
        Matcher m = DATASET_LINK.matcher(line);
        while (m.find()) {
            String url = trimUrl(m.group());
            if (!FILE_IN_REPO.matcher(url).find()) {
                RepoIds.dataset(url).ifPresent(t -> out.add(t, DATASET, CardRelationships.TRAINED_ON,
                        SOURCE_README_TEXT, where + url));
            }
        }
    }

    private static void githubLinks(String line, String where, RelationshipCollector out) {
        Matcher m = GITHUB_LINK.matcher(line);
        while (m.find()) {
            String url = trimUrl(m.group());
            RepoIds.github(url).ifPresent(t -> out.add(t, CODE, "code_repository", SOURCE_README_TEXT, where + url));
        }
    }

    /** Markdown often glues punctuation to a bare URL ("…/bert)." or "…/bert.") — it is not part of the link. */
    private static String trimUrl(String url) {
        String trimmed = url;
        while (!trimmed.isEmpty() && ".,;:".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
