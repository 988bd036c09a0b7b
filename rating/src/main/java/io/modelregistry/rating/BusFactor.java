package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many people would have to leave before nobody knows the model and its code (knowledge concentration):
 * <pre>
 *   0.35 × people         distinct contributors / 3, capped at 1 (the model's uploader counts as one)
 *   0.15 × spread         (effective number of contributors − 1) / 2, capped; effective = 1 / Σ share²
 *   0.20 × organisation   the linked repository belongs to a GitHub organisation
 *   0.30 × community      0.7 × log-scaled downloads (10 M = 1) + 0.3 × log-scaled likes (1,000 = 1)
 * </pre>
 * Contributors come from the history of the cloned code repository (commits per author over the newest 5,000
 * commits) when a clone is available, else from GitHub's contributor list. HuggingFace's commit history is
 * not used (the hub API has no bounded author listing we rely on); without a linked repository only the
 * uploader is known.
 */
final class BusFactor implements Metric {

    static final int MAX_COMMITS = 5_000;

    @Override
    public Set<Evidence> needs() {
        return Set.of(Evidence.CLONE);
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.BUS_FACTOR;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        var repository = subject.primaryRepository();
        List<Long> commits = new ArrayList<>();
        String source = "no linked code repository";
        boolean organisation = false;
        if (repository.isPresent()) {
            organisation = "Organization".equalsIgnoreCase(repository.get().repo().path("owner").path("type").asText(""));
            CloneEvidence clone = subject.primaryClone();
            if (clone.available()) {
                Map<String, Long> byAuthor = clone.local().commitsPerAuthor(MAX_COMMITS);
                commits.addAll(byAuthor.values());
                source = repository.get().fullName() + " history";
            } else {
                repository.get().contributors().forEach(c -> commits.add(c.commits()));
                source = repository.get().fullName() + " contributors";
            }
        }
        long people = Math.max(1, commits.size());
        double effective = effectiveContributors(commits);
        double community = 0.7 * Scores.logScale(subject.downloads(), 10_000_000) + 0.3 * Scores.logScale(subject.likes(), 1_000);
        double score = 0.35 * Math.min(1, people / 3.0) + 0.15 * Scores.clamp((effective - 1) / 2)
                + 0.20 * (organisation ? 1 : 0) + 0.30 * community;
        return MetricValue.of(score, people + " contributor(s) (" + source + "), effective "
                + Scores.two(effective) + (organisation ? ", an organisation's repository" : "")
                + ", " + subject.downloads() + " downloads, " + subject.likes() + " likes");
    }

    /** 1 / Σ share²: 1 when one person did everything, n when n people did equal shares; 1 when unknown. */
    static double effectiveContributors(List<Long> commits) {
        double total = commits.stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return 1;
        }
        double sumOfSquares = commits.stream().mapToDouble(c -> (c / total) * (c / total)).sum();
        return sumOfSquares <= 0 ? 1 : 1 / sumOfSquares;
    }
}
