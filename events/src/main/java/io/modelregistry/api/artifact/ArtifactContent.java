package io.modelregistry.api.artifact;

/**
 * Everything an ingest learned about a source: shared by registration and update, so that an update
 * ("the artifact source replaces the previous contents") carries exactly what a registration does.
 *
 * @param documents where the README, config.json and hub metadata are (blob references: an event stays small)
 * @param licence SPDX-like licence id as declared by the source, or {@code null} when none is declared
 * @param note    a human-readable remark about the ingest (e.g. "metadata only: Kaggle is not fetched")
 */
public record ArtifactContent(String sourceUrl, SourceRef source, StoredPackage pkg, ArtifactDocumentRefs documents,
                              String licence, String note) {

    public ArtifactContent {
        documents = documents == null ? ArtifactDocumentRefs.none() : documents;
    }
}
