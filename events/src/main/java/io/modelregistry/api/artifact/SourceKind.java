package io.modelregistry.api.artifact;

/** Where an artifact's content came from; decides which client fetched it and how it is linked. */
public enum SourceKind {
    HUGGINGFACE_MODEL,
    HUGGINGFACE_DATASET,
    GITHUB_REPOSITORY,
    /** Kaggle is not fetched (no client, no credentials): only metadata derived from the URL is registered. */
    KAGGLE_DATASET,
    /**
     * A private zip uploaded to this registry: never sent to nor fetched from a public hub, and not subject to the
     * ingest gate (company content is trusted), but rated and lineage-extracted like any other.
     */
    UPLOAD
}
