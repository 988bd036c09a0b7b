package io.modelregistry.rating;

import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.RatingLink;
import java.util.List;
import java.util.Optional;

/**
 * Where a rating learns about the world beyond the model's own stored content: the hubs, git, and the
 * registry's own ratings. One instance serves one rating; the subject asks each question at most once.
 */
interface EvidenceSource {

    DatasetEvidence dataset(String id);

    RepositoryEvidence repository(String fullName);

    /** A bounded clone of the repository's default branch; the caller closes it (the subject does). */
    CloneEvidence clone(RepositoryEvidence repository);

    /**
     * Whether a commit arrived through a pull request that had at least one approving review; unknown, with the
     * reason, when GitHub could not tell (not answering, rate-limited, the look-up budget of this rating is spent,
     * or {@code deadlineNanos}, a {@link System#nanoTime()} instant, is too close to ask by).
     */
    ReviewLookup approvedPullRequest(String fullName, String commitSha, long deadlineNanos);

    /** The model repository's own commit history on the hub ({@code repoId} as the hub names it). */
    ModelHistory modelHistory(String repoId);

    /** Rated models of this registry whose repo id or name is {@code repoIdOrName}. */
    List<RatedModels.RatedModel> ratedModels(String repoIdOrName);

    /**
     * A dataset the card's prose only mentions ("trained on ImageNet"): present only when this registry holds an
     * artifact of that name (a mention is never asked of a hub: it may be an English word).
     */
    default Optional<DatasetEvidence> mentionedDataset(String name) {
        return Optional.empty();
    }

    /** The datasets and code this source answered so far, and where each came from. */
    default List<RatingLink> links() {
        return List.of();
    }
}
