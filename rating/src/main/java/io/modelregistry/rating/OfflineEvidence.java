package io.modelregistry.rating;

import io.modelregistry.api.rating.RatedModels;
import java.util.List;

/**
 * The evidence of an uploaded model's rating: the registry's own ratings only. A private upload is rated from its
 * own card, config and files; nothing about it (not even the names its card links) is sent to a public hub or git
 * server, so every linked dataset and repository is "not looked up", and the metrics that need them score as for
 * an unreachable link (with that reason), not as a failure.
 */
final class OfflineEvidence implements EvidenceSource {

    static final String REASON = "not looked up: an uploaded model is rated from its own contents, without the"
            + " public hubs";

    private final RatedModels rated;

    OfflineEvidence(RatedModels rated) {
        this.rated = rated;
    }

    @Override
    public DatasetEvidence dataset(String id) {
        return DatasetEvidence.unreachable(id, REASON);
    }

    @Override
    public RepositoryEvidence repository(String fullName) {
        return RepositoryEvidence.unreachable(fullName, REASON);
    }

    @Override
    public CloneEvidence clone(RepositoryEvidence repository) {
        return CloneEvidence.none(REASON);
    }

    @Override
    public ReviewLookup approvedPullRequest(String fullName, String commitSha, long deadlineNanos) {
        return ReviewLookup.unknown(REASON);
    }

    @Override
    public ModelHistory modelHistory(String repoId) {
        return ModelHistory.unknown(REASON);
    }

    @Override
    public List<RatedModels.RatedModel> ratedModels(String repoIdOrName) {
        return rated == null ? List.of() : rated.find(repoIdOrName, 5);
    }
}
