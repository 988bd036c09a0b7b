package io.modelregistry.api.rating;

/**
 * The write side of the ratings read model (port), used only by its projection. Writes are keyed by the id of
 * the event they came from (and the latest rating by artifact id), so a replay rebuilds the same state.
 */
public interface RatingReadModelWriter {

    /**
     * Makes {@code rating} its version's latest, and the artifact's latest unless a higher version was rated; appends
     * it to the history.
     */
    void recordRating(String eventId, StoredRating rating);

    void recordRefusal(String eventId, IngestRefusal refusal);

    /** The artifact was deleted: its latest rating and history go. */
    void deleteFor(String artifactId);

    void deleteAll();
}
