package io.modelregistry.rating;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.hub.lineage.DeclaredLineage;
import io.modelregistry.hub.lineage.RelationshipExtractor;
import io.modelregistry.api.rating.RatingMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * The health of the model's supply chain: the mean net score of its parent models that this registry holds
 * and has rated successfully. Parents are the model-kind relationships the lineage extractor declares for it
 * (card {@code base_model}, config {@code _name_or_path} / {@code base_model_name_or_path}, README prose such
 * as "fine-tuned version of …"); each is matched against the ratings read model by repo id (case-insensitive),
 * by the repo id's name part (legacy ids such as {@code bert-base-uncased}) or by registered name.
 *
 * <p>No declared parent: 1.0 (nothing upstream to distrust). Parents declared but none rated here: 0.5
 * (an unknown supply chain: neutral, and no evidence, so the net score and the gate leave it out); some rated:
 * their mean, partly measured. Register and rate parents first, or re-rate the child
 * later ({@code POST /artifact/model/{id}/rate}), for their scores to count.
 */
final class TreeScore implements Metric {

    // Stateless and thread-safe: one extractor serves every rating.
    private static final RelationshipExtractor LINEAGE = new RelationshipExtractor();

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
            return MetricValue.unknown(UNRATED_PARENTS, "parents " + String.join(", ", parents)
                    + " are not rated in this registry (neutral " + UNRATED_PARENTS + ")");
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(UNRATED_PARENTS);
        String why = "mean net score of rated parents: " + String.join(", ", found);
        return found.size() < parents.size() ? MetricValue.partial(mean, why + " (" + (parents.size() - found.size())
                + " not rated here)") : MetricValue.of(mean, why);
    }

    /**
     * The parent models as the lineage graph sees them: the same extractor that declares the model's lineage
     * (card {@code base_model}, config {@code _name_or_path}, "fine-tuned version of …" in the README), so
     * {@code tree_score} and {@code /lineage} never disagree about who the parents are.
     */
    static List<String> declaredParents(RatingSubject subject) {
        return LINEAGE.extract(ArtifactType.MODEL, subject.content(), subject.documents())
                .map(DeclaredLineage::relationships).orElse(List.of()).stream()
                .filter(r -> "model".equals(r.targetKind()))
                .map(DeclaredRelationship::target)
                .filter(target -> subject.repoId() == null || !target.equalsIgnoreCase(subject.repoId()))
                .distinct()
                .limit(MAX_PARENTS)
                .toList();
    }

}
