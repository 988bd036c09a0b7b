package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * share of the looked-up lines that were approved; lines of commits beyond the budget, and of commits GitHub
 * could not answer for, are left out, and the reason says how many and why.
 *
 * <p>The look-ups stop at two thirds of the metric's time limit (each exchange bounded by the time left), so
 * a slow or rate-limited GitHub ends in an answer from what is known, never in a metric that times out. Once
 * GitHub says the rate limit is reached, no further look-ups are sent for this rating.
 *
 * <p>-1 ("not applicable", which the ingest gate skips) when there is no linked repository, and also when it
 * could not be measured: the repository is unreachable, cannot be cloned (or is over the size bound), has no code
 * lines, or GitHub answered none of the look-ups (not answering, rate-limited, out of time): no evidence, and the
 * reason says which. Commits GitHub did not answer for, or a blame cut at its time budget, make it partial.
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
            String why = subject.repositories().stream().filter(r -> r.problem() != null && !r.problem().isBlank())
                    .findFirst().map(r -> " (" + r.fullName() + ": " + r.problem() + ")").orElse("");
            return MetricValue.notApplicable("no linked repository is reachable" + why);
        }
        CloneEvidence clone = subject.primaryClone();
        if (!clone.available()) {
            return MetricValue.notApplicable(repository.get().fullName() + " " + clone.problem());
        }
        long started = System.nanoTime();
        long lookupDeadline = started + settings.metricTimeout().toNanos() * 2 / 3;
        long deadline = Math.min(started + settings.blameBudget().toNanos(), lookupDeadline);
        LocalClone.Blame blame = clone.local().blame(CodeFiles::isCode, settings.maxBlameFiles(), 512 * 1024, deadline);
        if (blame.lines() == 0) {
            return MetricValue.notApplicable("no code lines in " + repository.get().fullName());
        }
        List<Map.Entry<String, Long>> commits = blame.linesByCommit().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long checked = 0;
        long approved = 0;
        int lookedUp = 0;
        Map<String, Integer> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, Long> commit : commits) {
            if (lookedUp >= settings.maxReviewLookups()) {
                break;
            }
            lookedUp++;
            ReviewLookup reviewed = subject.approvedPullRequest(repository.get().fullName(), commit.getKey(), lookupDeadline);
            if (reviewed.known()) {
                checked += commit.getValue();
                approved += reviewed.approved() ? commit.getValue() : 0;
            } else {
                String why = String.valueOf(reviewed.unknownBecause());
                unknown.merge(unknown.size() < 8 || unknown.containsKey(why) ? why : "other reasons", 1, Integer::sum);
            }
        }
        if (checked == 0) {
            return MetricValue.notApplicable("GitHub did not say how the commits of "
                    + repository.get().fullName() + " arrived (" + summary(unknown) + ")");
        }
        int unknownCommits = unknown.values().stream().mapToInt(Integer::intValue).sum();
        String why = approved + " of " + checked + " code lines arrived through an"
                + " approved pull request (" + blame.filesBlamed() + " files blamed, " + lookedUp + " of "
                + commits.size() + " commits looked up" + (blame.outOfTime() ? ", blame stopped at its time budget" : "")
                + (unknownCommits == 0 ? "" : ", " + unknownCommits + " left out: " + summary(unknown)) + ")";
        double share = approved / (double) checked;
        return unknownCommits == 0 && !blame.outOfTime() ? MetricValue.of(share, why) : MetricValue.partial(share, why);
    }

    /** The distinct reasons, most frequent first, each with how many commits it concerns. */
    private static String summary(Map<String, Integer> unknown) {
        if (unknown.isEmpty()) {
            return "no commit was looked up";
        }
        return unknown.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(3)
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " commit)" : " commits)"))
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
