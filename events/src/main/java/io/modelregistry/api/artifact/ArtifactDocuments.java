package io.modelregistry.api.artifact;

/**
 * The text documents of an artifact that read models need (search, lineage, rating), as text in memory.
 * Events never carry them: they name them by digest ({@link ArtifactDocumentRefs}, {@link ArtifactDocumentStore}).
 * Each is bounded in size at ingest; {@code null} when the source has none.
 *
 * @param readme             the README / model card, including its YAML front matter
 * @param configJson         a model's {@code config.json}
 * @param sourceMetadataJson the source service's metadata response (HF model info, GitHub repo), raw
 */
public record ArtifactDocuments(String readme, String configJson, String sourceMetadataJson) {
    public static ArtifactDocuments none() {
        return new ArtifactDocuments(null, null, null);
    }
}
