package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fraction of the linked repository's code lines that arrived through a pull request with at least one
 * approving review. The default branch of the model's code repository is cloned (bounded) and blamed with
 * JGit: each non-blank line of a code file ({@link CodeFiles}: no weights, binaries, data or docs) is
 * attributed to the commit that last changed it. For the commits covering the most lines (up to the look-up
 * budget), GitHub says which pull requests the commit arrived through ({@code /commits/{sha}/pulls}, merged
 * ones only) and whether any had an {@code APPROVED} review ({@code /pulls/{n}/reviews}). The score is the
 * share of the looked-up lines that were approved; lines of commits beyond the budget are left out.
 *
 * <p>-1 ("not applicable", which the ingest gate skips) when there is no linked repository, and also when it
 * could not be measured: the repository is unreachable, cannot be cloned (e.g. the local fake hub serves no
 * git, or it is over the size bound), has no code lines, or GitHub answered none of the look-ups.
 */
final class Reviewedness implements Metric {

    private final RatingSettings settings;

    Reviewedness(RatingSettings settings) {
        this.settings = settings;
    }

    @Override
    public Set<Evidence> needs() {
        return Set.of(Evidence.CLONE);
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.REVIEWEDNESS;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        if (subject.repositoryNames().isEmpty()) {
            return MetricValue.notApplicable("no linked GitHub repository");
        }
        Optional<RepositoryEvidence> repository = subject.primaryRepository();
        if (repository.isEmpty()) {
            return MetricValue.notApplicable("not measured: no linked repository is reachable");
        }
        CloneEvidence clone = subject.primaryClone();
        if (!clone.available()) {
            return MetricValue.notApplicable("not measured: " + repository.get().fullName() + " " + clone.problem());
        }
        long deadline = System.nanoTime() + settings.blameBudget().toNanos();
        LocalClone.Blame blame = clone.local().blame(CodeFiles::isCode, settings.maxBlameFiles(), 512 * 1024, deadline);
        if (blame.lines() == 0) {
            return MetricValue.notApplicable("not measured: no code lines in " + repository.get().fullName());
        }
        List<Map.Entry<String, Long>> commits = blame.linesByCommit().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long checked = 0;
        long approved = 0;
        int lookedUp = 0;
        for (Map.Entry<String, Long> commit : commits) {
            if (lookedUp >= settings.maxReviewLookups()) {
                break;
            }
            lookedUp++;
            Optional<Boolean> reviewed = subject.approvedPullRequest(repository.get().fullName(), commit.getKey());
            if (reviewed.isPresent()) {
                checked += commit.getValue();
                approved += reviewed.get() ? commit.getValue() : 0;
            }
        }
        if (checked == 0) {
            return MetricValue.notApplicable("not measured: GitHub did not say how the commits of "
                    + repository.get().fullName() + " arrived");
        }
        return MetricValue.of(approved / (double) checked, approved + " of " + checked + " code lines arrived through an"
                + " approved pull request (" + blame.filesBlamed() + " files blamed, " + lookedUp + " of "
                + commits.size() + " commits looked up" + (blame.outOfTime() ? ", blame stopped at its time budget" : "")
                + ")");
    }
}
