package io.modelregistry.rating;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import java.util.Optional;

/**
 * The artifacts this registry already holds, as a rating looks up a model's links before it asks a hub
 * (implemented by the application over the lineage read model and the stored contents).
 */
public interface RegistryLinks {

    /**
     * The registered artifact of {@code kind} ({@code dataset} or {@code code}) that {@code target} names, with its
     * latest content and documents; empty when none is registered (or this registry cannot tell).
     */
    Optional<Registered> find(String kind, String target);

    /**
     * @param matchedBy {@code registry_source_id}, {@code registry_name} or {@code registry_name_variant} (see
     *                  {@code RatingLink})
     */
    record Registered(String artifactId, String name, String repoId, String matchedBy, ArtifactContent content,
                      ArtifactDocuments documents) {
    }

    static RegistryLinks none() {
        return (kind, target) -> Optional.empty();
    }
}
