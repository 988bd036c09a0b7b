package io.modelregistry.projection.lineage;

import io.modelregistry.api.lineage.DeclaredRelationship;
import java.util.List;

/**
 * A relationship artifact {@code fromId} declared, with the registered artifacts its target names right now
 * (empty when none is registered: an external target).
 */
public record ResolvedRelationship(String fromId, DeclaredRelationship declared, List<String> targetIds) {

    public ResolvedRelationship {
        targetIds = List.copyOf(targetIds);
    }
}
