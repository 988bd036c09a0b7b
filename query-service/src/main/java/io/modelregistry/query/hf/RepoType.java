package io.modelregistry.query.hf;

import io.modelregistry.api.artifact.ArtifactType;

/**
 * The two kinds of Hub repository this API answers for. The Hub's routes differ only by a path word
 * ({@code /api/models/...} and {@code /{repo}/resolve/...} for models, {@code /api/datasets/...} and
 * {@code /datasets/{repo}/resolve/...} for datasets) and a few fields, so one controller serves both.
 */
enum RepoType {

    MODEL(ArtifactType.MODEL, "model", "models"),
    DATASET(ArtifactType.DATASET, "dataset", "datasets");

    private final ArtifactType artifactType;
    private final String word;
    private final String plural;

    RepoType(ArtifactType artifactType, String word, String plural) {
        this.artifactType = artifactType;
        this.word = word;
        this.plural = plural;
    }

    ArtifactType artifactType() {
        return artifactType;
    }

    /** "model" or "dataset", as in the Hub's messages. */
    String word() {
        return word;
    }

    /** The API path word: {@code /api/models}, {@code /api/datasets}. */
    String plural() {
        return plural;
    }

    /**
     * Only models are rated, so only a model can be held back as not vetted; the ingest gate never gates datasets
     * (they have no rating to fail).
     */
    boolean gatedByRating() {
        return this == MODEL;
    }
}
