package io.modelregistry.command.rating;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.RatingMetric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The health of the model's supply chain: the mean net score of its parent models that this registry holds
 * and has rated successfully. Parents are what the model declares: the card's {@code base_model} (string or
 * list) and {@code config.json}'s {@code _name_or_path} / {@code base_model_name_or_path}; each is matched
 * against the ratings read model by repo id (case-insensitive), by the repo id's name part (legacy ids such as
 * {@code bert-base-uncased}) or by registered name. Local paths and the model itself are ignored.
 *
 * <p>No declared parent: 1.0 (nothing upstream to distrust). Parents declared but none rated here: 0.5
 * (an unknown supply chain: neutral, passes the gate). Register and rate parents first, or re-rate the child
 * later ({@code POST /artifact/model/{id}/rate}), for their scores to count.
 */
final class TreeScore implements Metric {

    static final int MAX_PARENTS = 5;
    static final double NO_PARENT = 1.0;
    static final double UNRATED_PARENTS = 0.5;

    @Override
    public RatingMetric id() {
        return RatingMetric.TREE_SCORE;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        List<String> parents = declaredParents(subject);
        if (parents.isEmpty()) {
            return MetricValue.of(NO_PARENT, "no parent model declared");
        }
        List<Double> scores = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String parent : parents) {
            subject.ratedModels(parent).stream()
                    .filter(m -> !m.artifactId().equals(subject.artifactId()))
                    .findFirst()
                    .ifPresent(m -> {
                        scores.add(m.netScore());
                        found.add(m.name() + " " + Scores.two(m.netScore()));
                    });
        }
        if (scores.isEmpty()) {
            return MetricValue.of(UNRATED_PARENTS, "parents " + String.join(", ", parents)
                    + " are not rated in this registry (neutral " + UNRATED_PARENTS + ")");
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(UNRATED_PARENTS);
        return MetricValue.of(mean, "mean net score of rated parents: " + String.join(", ", found));
    }

    static List<String> declaredParents(RatingSubject subject) {
        Set<String> keys = new LinkedHashSet<>();
        subject.card().frontMatterList("base_model").forEach(keys::add);
        for (JsonNode declared : subject.hubInfo().path("cardData").path("base_model")) {
            keys.add(declared.asText(""));
        }
        if (subject.hubInfo().path("cardData").path("base_model").isTextual()) {
            keys.add(subject.hubInfo().path("cardData").path("base_model").asText());
        }
        keys.add(subject.config().path("_name_or_path").asText(""));
        keys.add(subject.config().path("base_model_name_or_path").asText(""));
        String own = subject.repoId() == null ? "" : subject.repoId().toLowerCase(Locale.ROOT);
        String ownName = own.contains("/") ? own.substring(own.indexOf('/') + 1) : own;
        List<String> parents = new ArrayList<>();
        for (String key : keys) {
            String k = normalise(key);
            String lower = k.toLowerCase(Locale.ROOT);
            if (k.isEmpty() || lower.equals(own) || lower.equals(ownName) || !io.modelregistry.command.ingest.HubLookup.isHuggingFaceId(k)
                    || parents.stream().anyMatch(k::equalsIgnoreCase)) {
                continue;
            }
            parents.add(k);
            if (parents.size() >= MAX_PARENTS) {
                break;
            }
        }
        return parents;
    }

    /** A repo id from a declared value: a hub URL becomes its id; local paths become empty. */
    private static String normalise(String declared) {
        String s = declared == null ? "" : declared.strip();
        for (String prefix : List.of("https://huggingface.co/", "http://huggingface.co/", "hf://")) {
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                s = s.substring(prefix.length());
            }
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith(".") || s.startsWith("/") || s.startsWith("~") || s.contains(":") || s.contains("\\")
                || s.chars().filter(c -> c == '/').count() > 1) {
            return "";
        }
        return s;
    }
}
