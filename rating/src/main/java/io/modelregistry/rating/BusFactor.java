package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many people would have to leave before nobody knows the model and its code (knowledge concentration):
 * <pre>
 *   0.35 × people         distinct contributors / 3, capped at 1 (at least one: the model's uploader)
 *   0.15 × spread         (effective number of contributors − 1) / 2, capped; effective = 1 / Σ share²
 *   0.20 × organisation   the linked repository belongs to a GitHub organisation
 *   0.30 × community      0.7 × log-scaled downloads (10 M = 1) + 0.3 × log-scaled likes (1,000 = 1)
 * </pre>
 * People come from two histories: the linked code repository's (commits per author over the newest 5,000 commits
 * of the clone, else GitHub's contributor list) and the model repository's own on the hub (commits per author
 * over its newest {@value HubEvidence#MAX_MODEL_COMMITS}). When both are known each counts for half of the
 * shares, so a code repository with thousands of commits does not drown the few people who publish the weights;
 * people are counted in each history by that service's name for them, so one person in both counts twice.
 * When neither is known only the uploader is known (people 1, effective 1), and the reason says why each is
 * missing; such a value is partly measured (downloads and likes are always known, so never without evidence).
 */
final class BusFactor implements Metric {

    static final int MAX_COMMITS = 5_000;

    @Override
    public Set<Evidence> needs() {
        return Set.of(Evidence.CLONE, Evidence.MODEL_HISTORY);
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.BUS_FACTOR;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        var repository = subject.primaryRepository();
        List<Long> code = new ArrayList<>();
        String codeSource;
        boolean organisation = false;
        if (repository.isPresent()) {
            organisation = "Organization".equalsIgnoreCase(repository.get().repo().path("owner").path("type").asText(""));
            CloneEvidence clone = subject.primaryClone();
            if (clone.available()) {
                Map<String, Long> byAuthor = clone.local().commitsPerAuthor(MAX_COMMITS);
                code.addAll(byAuthor.values());
                codeSource = repository.get().fullName() + " history";
            } else {
                repository.get().contributors().forEach(c -> code.add(c.commits()));
                codeSource = repository.get().fullName() + " contributors";
            }
        } else if (subject.repositoryNames().isEmpty()) {
            codeSource = "no linked code repository";
        } else {
            String problem = subject.repositories().stream().map(RepositoryEvidence::problem)
                    .filter(p -> p != null && !p.isBlank()).findFirst().orElse("not reachable");
            codeSource = "linked code repository unknown: " + problem;
        }
        ModelHistory history = subject.modelHistory();
        List<Long> model = history.known() ? new ArrayList<>(history.commitsByAuthor().values()) : List.of();
        String modelSource = history.known()
                ? model.size() + " in the model repository's " + history.commits() + " commits"
                : "model repository history unknown: " + history.problem();
        // downloads and likes are always known; the people are known when every history that exists was read
        boolean codeKnown = repository.isPresent() || subject.repositoryNames().isEmpty();
        boolean complete = codeKnown && history.known();
        long people = Math.max(1, code.size() + model.size());
        double effective = effectiveOfShares(shares(code, model));
        double community = 0.7 * Scores.logScale(subject.downloads(), 10_000_000) + 0.3 * Scores.logScale(subject.likes(), 1_000);
        double score = 0.35 * Math.min(1, people / 3.0) + 0.15 * Scores.clamp((effective - 1) / 2)
                + 0.20 * (organisation ? 1 : 0) + 0.30 * community;
        String why = people + " contributor(s) (" + (code.isEmpty() ? codeSource
                : code.size() + " from " + codeSource) + "; " + modelSource + "), effective "
                + Scores.two(effective) + (organisation ? ", an organisation's repository" : "")
                + ", " + subject.downloads() + " downloads, " + subject.likes() + " likes";
        return complete ? MetricValue.of(score, why) : MetricValue.partial(score, why);
    }

    /** Each history's commit shares, halved when both are known. */
    static List<Double> shares(List<Long> code, List<Long> model) {
        double codeTotal = code.stream().mapToLong(Long::longValue).sum();
        double modelTotal = model.stream().mapToLong(Long::longValue).sum();
        double codeWeight = codeTotal <= 0 ? 0 : modelTotal <= 0 ? 1 : 0.5;
        double modelWeight = modelTotal <= 0 ? 0 : 1 - codeWeight;
        List<Double> shares = new ArrayList<>();
        code.forEach(c -> shares.add(codeWeight * c / codeTotal));
        model.forEach(m -> shares.add(modelWeight * m / modelTotal));
        return shares;
    }

    /** 1 / Σ share²: 1 when one person did everything, n when n people did equal shares; 1 when unknown. */
    static double effectiveContributors(List<Long> commits) {
        return effectiveOfShares(shares(commits, List.of()));
    }

    static double effectiveOfShares(List<Double> shares) {
        double sumOfSquares = shares.stream().mapToDouble(s -> s * s).sum();
        return sumOfSquares <= 0 ? 1 : 1 / sumOfSquares;
    }
}
