package io.modelregistry.api.card;

import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;
import java.util.List;

/**
 * What the card read model keeps of one version of an artifact: enough to show its model card (README, card
 * metadata, hub metadata) without reading its package, so looking at a card is never a download; and the facts a
 * search result shows (licence, task, library, tags), read from the card once, when the version is projected.
 */
public record ArtifactCard(String artifactId, ArtifactType type, String name, String version, String sourceUrl,
                           String sourceKind, String licence, String task, String library, List<String> tags,
                           ArtifactDocumentRefs documents, Instant at) {

    public ArtifactCard {
        documents = documents == null ? ArtifactDocumentRefs.none() : documents;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
