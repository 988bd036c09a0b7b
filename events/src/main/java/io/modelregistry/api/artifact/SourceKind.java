package io.modelregistry.api.artifact;

/** Where an artifact's content came from; decides which client fetched it and how it is linked. */
public enum SourceKind {
    HUGGINGFACE_MODEL,
    HUGGINGFACE_DATASET,
    GITHUB_REPOSITORY,
    /** Kaggle is not fetched (no client, no credentials): only metadata derived from the URL is registered. */
    KAGGLE_DATASET
}
