package io.modelregistry.rating;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model's task category: the hub's {@code pipeline_tag} (e.g. {@code fill-mask},
 * {@code automatic-speech-recognition}), else the card's {@code pipeline_tag}, else what the architecture in
 * {@code config.json} implies ({@code ...ForSequenceClassification} → {@code text-classification}), else
 * {@code unknown}.
 */
final class ModelCategory {

    private static final List<Map.Entry<String, String>> ARCHITECTURES = List.of(
            Map.entry("forsequenceclassification", "text-classification"),
            Map.entry("fortokenclassification", "token-classification"),
            Map.entry("forquestionanswering", "question-answering"),
            Map.entry("formaskedlm", "fill-mask"),
            Map.entry("forcausallm", "text-generation"),
            Map.entry("forspeechseq2seq", "automatic-speech-recognition"),
            Map.entry("forctc", "automatic-speech-recognition"),
            Map.entry("forimageclassification", "image-classification"),
            Map.entry("forobjectdetection", "object-detection"),
            Map.entry("forconditionalgeneration", "text2text-generation"),
            Map.entry("forseq2seqlm", "text2text-generation"),
            Map.entry("forimagesuperresolution", "image-to-image"));

    private ModelCategory() {
    }

    static String of(RatingSubject subject) {
        String tag = subject.hubInfo().path("pipeline_tag").asText("");
        if (tag.isBlank()) {
            tag = subject.card().frontMatterText("pipeline_tag").orElse("");
        }
        if (!tag.isBlank() && tag.length() <= 64) {
            return tag.strip().toLowerCase(Locale.ROOT);
        }
        for (var architecture : subject.config().path("architectures")) {
            String name = architecture.asText("").toLowerCase(Locale.ROOT);
            for (var entry : ARCHITECTURES) {
                if (name.endsWith(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return "unknown";
    }
}
