package io.modelregistry.api.rating;

import java.util.List;

/**
 * The rated models the registry holds (port, implemented by the ratings read model): how a rating finds the
 * net scores of a model's parents.
 */
public interface RatedModels {

    /**
     * Live models whose latest rating succeeded and whose repo id (case-insensitively) or name equals
     * {@code repoIdOrName}; at most {@code limit} of them.
     */
    List<RatedModel> find(String repoIdOrName, int limit);

    record RatedModel(String artifactId, String name, String repoId, double netScore) {
    }
}
