package io.modelregistry.rating;

import io.modelregistry.api.rating.RatedModels;
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
     * Whether a commit arrived through a pull request that had at least one approving review; empty when
     * GitHub could not tell (not answering, or the look-up budget of this rating is spent).
     */
    Optional<Boolean> approvedPullRequest(String fullName, String commitSha);

    /** Rated models of this registry whose repo id or name is {@code repoIdOrName}. */
    List<RatedModels.RatedModel> ratedModels(String repoIdOrName);
}
