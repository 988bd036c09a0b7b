package io.modelregistry.api.card;

import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;

/**
 * What the card read model keeps of one version of an artifact: enough to show its model card (README, card
 * metadata, hub metadata) without reading its package, so looking at a card is never a download.
 */
public record ArtifactCard(String artifactId, ArtifactType type, String name, String version, String sourceUrl,
                           String sourceKind, String licence, ArtifactDocumentRefs documents, Instant at) {

    public ArtifactCard {
        documents = documents == null ? ArtifactDocumentRefs.none() : documents;
    }
}
