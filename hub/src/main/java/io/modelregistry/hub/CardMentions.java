package io.modelregistry.hub;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dataset names a model card's prose mentions without a link or metadata: "pre-trained on ImageNet-1k",
 * "fine-tuned on the `fair_face` dataset". They are weak evidence (an English word can follow "trained on"), so
 * a mention counts only when an artifact registered here carries the name: the rating never asks a hub about one,
 * and the lineage shows one only when it resolves.
 *
 * <p>Bounded: at most {@value #MAX_MENTIONS} names per card, each 2 to {@value #MAX_NAME_CHARS} characters; lines
 * longer than {@value #MAX_LINE_CHARS} characters and fenced code are not read.
 */
public final class CardMentions {

    public static final int MAX_MENTIONS = 8;
    public static final int MAX_NAME_CHARS = 64;
    static final int MAX_LINE_CHARS = 4_000;
    static final int MAX_LINES = 5_000;

    private static final String NAME = "[A-Za-z][A-Za-z0-9._-]{1," + (MAX_NAME_CHARS - 1) + "}";
    /** "trained on [the] NAME", the name possibly in backticks or a link's text. */
    private static final Pattern TRAINED_ON = Pattern.compile("(?i)\\b(?:pre-?trained|trained|fine-?tuned|finetuned"
            + "|distilled|evaluated)\\s+(?:on|with|using|from)\\s+(?:the\\s+)?[\\[`*_]{0,2}(" + NAME + ")");
    /** A name in backticks on a line about training data (`fair_face`). */
    private static final Pattern QUOTED = Pattern.compile("`(" + NAME + ")`");
    private static final Pattern TRAINING_LINE = Pattern.compile(
            "(?i)\\b(?:trained|fine-?tuned|pre-?trained)\\s+(?:on|with|using)\\b|training (?:data|set|corpus)|\\bdataset\\b");
    /** Words that follow "trained on" in prose and name no dataset. */
    private static final Set<String> WORDS = Set.of("a", "an", "this", "that", "these", "those", "our", "their", "its",
            "his", "her", "my", "your", "top", "large", "larger", "small", "huge", "massive", "big", "several",
            "multiple", "many", "various", "different", "diverse", "public", "publicly", "private", "custom", "raw",
            "unlabeled", "labeled", "labelled", "english", "data", "dataset", "datasets", "images", "image", "text",
            "texts", "audio", "video", "which", "what", "over", "more", "about", "around", "approximately", "roughly",
            "million", "millions", "billion", "billions", "thousands", "hundreds", "all", "each", "every", "some",
            "other", "same", "new", "own", "one", "two", "both", "real", "synthetic", "mixed", "single", "unknown",
            "imagefolder", "image_folder", "tasks", "task", "samples", "examples", "it", "them", "top-1", "top-5",
            "downstream", "specific", "general", "common", "standard", "model", "models", "google", "tpu", "tpus",
            "gpu", "gpus", "cpu", "colab", "hugging", "huggingface", "pytorch", "tensorflow", "keras", "sequences");

    private CardMentions() {
    }

    /** The names mentioned in a card's body, in order, without duplicates (case-insensitively), bounded. */
    public static List<String> of(String body) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        boolean fenced = false;
        int read = 0;
        for (String line : body.split("\n", MAX_LINES + 1)) {
            if (read++ >= MAX_LINES || found.size() >= MAX_MENTIONS) {
                break;
            }
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                inLine(line, found);
            }
        }
        return List.copyOf(found);
    }

    /** Adds the names one line of prose mentions to {@code found}, until it holds {@value #MAX_MENTIONS}. */
    public static void inLine(String line, Set<String> found) {
        if (line == null || line.length() > MAX_LINE_CHARS) {
            return;
        }
        Matcher trained = TRAINED_ON.matcher(line);
        while (trained.find() && found.size() < MAX_MENTIONS) {
            add(trained.group(1), found);
        }
        if (TRAINING_LINE.matcher(line).find()) {
            Matcher quoted = QUOTED.matcher(line);
            while (quoted.find() && found.size() < MAX_MENTIONS) {
                add(quoted.group(1), found);
            }
        }
    }

    private static void add(String raw, Set<String> found) {
        String name = raw;
        while (!name.isEmpty() && ".,;:-_".indexOf(name.charAt(name.length() - 1)) >= 0) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.length() < 2 || WORDS.contains(name.toLowerCase(Locale.ROOT))
                || found.stream().anyMatch(name::equalsIgnoreCase)) {
            return;
        }
        found.add(name);
    }
}
