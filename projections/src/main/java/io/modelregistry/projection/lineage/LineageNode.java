package io.modelregistry.projection.lineage;

import java.util.Map;

/**
 * A node of a lineage graph: a registered artifact (its id) or, on request, an unregistered one named by
 * metadata (an {@code ext-} id). {@code source} says how it was discovered; {@code metadata} is never null.
 */
public record LineageNode(String artifactId, String name, String source, Map<String, Object> metadata) {

    public LineageNode {
        metadata = metadata == null ? Map.of() : metadata;
    }
}
