package io.modelregistry.api.lineage;

import io.modelregistry.api.artifact.ArtifactType;
import java.util.List;

/**
 * The registered artifacts a model's links name (port, implemented over the lineage read model): how a rating
 * finds the datasets and code this registry already holds before it asks a hub, and which models to rate again
 * when an artifact they link to is registered after them. Matching is the lineage's own (repo id, name, legacy
 * id, the name without case and separators, then the one registered variant of a family name), so the rating and the lineage graph agree on every link.
 */
public interface RegisteredLinks {

    /**
     * Registered artifacts of {@code targetKind} ({@code dataset}, {@code code}, {@code model}) that
     * {@code target} names, best match first, at most {@code limit}.
     */
    List<Match> find(String targetKind, String target, int limit);

    /** Models (other than the artifact itself) whose declared links resolve to {@code artifactId} now; at most {@code limit}. */
    List<String> modelsLinkingTo(String artifactId, int limit);

    /** Whether the lineage read model has seen the artifact's registration yet. */
    boolean knows(String artifactId);

    /**
     * @param matchedBy {@code registry_source_id} (the target is the artifact's repo id, or its legacy id),
     *                  {@code registry_name} (the target is its name, loosely) or {@code registry_name_variant}
     *                  (the target is its name without a size or variant suffix, and it is the only such artifact)
     */
    record Match(String artifactId, ArtifactType type, String name, String repoId, String matchedBy) {
    }

    static RegisteredLinks none() {
        return new RegisteredLinks() {
            @Override
            public List<Match> find(String targetKind, String target, int limit) {
                return List.of();
            }

            @Override
            public List<String> modelsLinkingTo(String artifactId, int limit) {
                return List.of();
            }

            @Override
            public boolean knows(String artifactId) {
                return true;
            }
        };
    }
}
