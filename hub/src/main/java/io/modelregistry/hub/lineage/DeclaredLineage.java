package io.modelregistry.hub.lineage;

import io.modelregistry.api.lineage.DeclaredRelationship;
import java.util.List;

/** What {@link RelationshipExtractor} read from one model's content: the payload of its lineage event. */
public record DeclaredLineage(List<DeclaredRelationship> relationships, boolean metadataMalformed) {

    public DeclaredLineage {
        relationships = List.copyOf(relationships);
    }
}
