package io.modelregistry.rating;

/**
 * The shared evidence a metric reads beyond the model's own content. A metric names what it needs
 * ({@link Metric#needs()}); the engine fetches it once per rating on the I/O pool and starts the metric when it
 * is there, so the metric's deadline covers its own work, not a wait for a fetch another metric began.
 */
enum Evidence {
    /** The hub's info and card of each dataset the card names. */
    DATASETS,
    /** GitHub's metadata, contributors and file listing of each linked repository. */
    REPOSITORIES,
    /** A bounded clone of the primary repository (implies {@link #REPOSITORIES}). */
    CLONE,
    /** The model repository's own commit history on the hub. */
    MODEL_HISTORY
}
