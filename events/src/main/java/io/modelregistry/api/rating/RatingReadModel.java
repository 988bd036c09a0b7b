package io.modelregistry.api.rating;

import io.modelregistry.api.version.SemanticVersions;
import java.util.List;
import java.util.Optional;

/**
 * The ratings read model (port, query side): a model's latest rating, its history, the refused ingests, and
 * (as {@link RatedModels}) the rated models a child's tree score looks for. {@link RatingReadModelWriter} is
 * its write side.
 */
public interface RatingReadModel extends RatedModels {

    /** The latest rating of the model's latest version (the highest version rated). */
    Optional<StoredRating> latest(String artifactId);

    /** The latest rating of one version of the model (build metadata ignored). */
    default Optional<StoredRating> latest(String artifactId, String version) {
        return latest(artifactId).filter(rating -> SemanticVersions.same(
                rating.version(), version));
    }

    /** Oldest first, at most {@code limit}. */
    List<StoredRating> history(String artifactId, int limit);

    /** Newest first, at most {@code limit}. */
    List<IngestRefusal> refusals(int limit);
}
