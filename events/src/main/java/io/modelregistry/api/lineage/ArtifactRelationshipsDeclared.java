package io.modelregistry.api.lineage;

import io.modelregistry.api.evolution.EventRevision;
import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;
import java.util.List;

/**
 * What a model's own metadata says it derives from and links to, read from the content that the
 * {@code ArtifactRegistered} or {@code ArtifactUpdated} just before it carried. It replaces every relationship
 * the artifact declared before. Targets are names as the metadata spells them (not artifact ids): they are
 * resolved to registered artifacts by the read side, so a parent ingested later still links up.
 *
 * @param relationships     at most {@link #MAX_RELATIONSHIPS}, in the order found, without duplicates
 * @param metadataMalformed true when the model has no usable structured metadata: neither a config.json that
 *                          parses as a JSON object, nor model-card metadata (README YAML front matter that parses
 *                          as a mapping, or the hub's {@code cardData}). Lineage answers 400 for such a model.
 */
@EventRevision("1")
public record ArtifactRelationshipsDeclared(String artifactId, ArtifactType type, String name,
                                            List<DeclaredRelationship> relationships, boolean metadataMalformed,
                                            Instant at) {

    public static final int MAX_RELATIONSHIPS = 64;

    public ArtifactRelationshipsDeclared {
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
    }
}
