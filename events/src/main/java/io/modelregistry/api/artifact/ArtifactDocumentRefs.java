package io.modelregistry.api.artifact;

/**
 * Where an artifact's text documents ({@link ArtifactDocuments}) are: references into the blob store, so an event
 * stays small however large the README is. Each is {@code null} when the source has none.
 */
public record ArtifactDocumentRefs(DocumentRef readme, DocumentRef configJson, DocumentRef sourceMetadataJson) {

    public static ArtifactDocumentRefs none() {
        return new ArtifactDocumentRefs(null, null, null);
    }
}
