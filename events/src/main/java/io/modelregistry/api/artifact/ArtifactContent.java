package io.modelregistry.api.artifact;

/**
 * Everything an ingest learned about a source: shared by registration and update, so that an update
 * ("the artifact source replaces the previous contents") carries exactly what a registration does.
 *
 * @param documents where the README, config.json and hub metadata are (blob references: an event stays small)
 * @param licence SPDX-like licence id as declared by the source, or {@code null} when none is declared
 * @param note    a human-readable remark about the ingest (e.g. "metadata only: Kaggle is not fetched")
 * @param version the semantic version this content is (normalised, without a {@code v} prefix, e.g. {@code 1.2.0}
 *                or {@code 2.0.0-rc.1}); content recorded before versions existed carries none and is
 *                {@link #DEFAULT_VERSION}
 */
public record ArtifactContent(String sourceUrl, SourceRef source, StoredPackage pkg, ArtifactDocumentRefs documents,
                              String licence, String note, String version) {

    /** The version of an artifact whose source names none (no semver tags, or recorded before versions). */
    public static final String DEFAULT_VERSION = "1.0.0";

    public ArtifactContent {
        documents = documents == null ? ArtifactDocumentRefs.none() : documents;
        version = version == null || version.isBlank() ? DEFAULT_VERSION : version;
    }

    public ArtifactContent(String sourceUrl, SourceRef source, StoredPackage pkg, ArtifactDocumentRefs documents,
                           String licence, String note) {
        this(sourceUrl, source, pkg, documents, licence, note, null);
    }

    /** The same content as another version. */
    public ArtifactContent withVersion(String newVersion) {
        return new ArtifactContent(sourceUrl, source, pkg, documents, licence, note, newVersion);
    }
}
