package io.modelregistry.api.lineage;

import java.util.List;

/**
 * The write side of the lineage read model (port), used only by its projection. Writes are by artifact id and
 * declarations are replaced as a whole, so a replay writes the same state again.
 */
public interface LineageWriter {

    /** Stores the artifact, replacing any with the same id (its declarations are kept). */
    void putArtifact(LineageArtifact artifact);

    /**
     * Replaces what the artifact declared, keeping at most {@link ArtifactRelationshipsDeclared#MAX_RELATIONSHIPS}
     * in the given order.
     */
    void replaceDeclarations(String artifactId, List<DeclaredRelationship> relationships);

    /** The artifact and its declarations go. */
    void delete(String artifactId);

    void deleteAll();
}
