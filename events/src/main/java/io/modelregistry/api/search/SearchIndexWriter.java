package io.modelregistry.api.search;

import java.util.OptionalLong;

/**
 * The write side of the search read model (port), used only by its projection. Every write is idempotent
 * (upsert or delete by id, delete all), because a tracking processor may deliver events again.
 *
 * <p>{@code position} is the event's position in the log, when known: an adapter may keep it to find out at
 * start-up whether it fell behind the token store. {@code visibleNow} asks that the change be searchable
 * when the call returns (read-your-writes: a writer waits for it); when false (a replay) the adapter may
 * make it visible at its next refresh.
 */
public interface SearchIndexWriter {

    void register(IndexedArtifact artifact, OptionalLong position, boolean visibleNow);

    void update(IndexedArtifact artifact, OptionalLong position, boolean visibleNow);

    /**
     * The artifact gained {@code artifact.versions()}; its name and type stay, and its README becomes
     * {@code artifact.readme()} only when the new version is now its latest (highest precedence).
     */
    void addVersion(IndexedArtifact artifact, OptionalLong position, boolean visibleNow);

    void delete(String artifactId, OptionalLong position, boolean visibleNow);

    /** A registry reset: no artifact is searchable afterwards. */
    void deleteAll(OptionalLong position, boolean visibleNow);

    /** An event with nothing to index; the adapter's recorded position still moves on to it. */
    void skip(OptionalLong position);

    /**
     * Runs {@code writes} (calls of this writer) so that a search sees all of them or none: a group transaction's
     * members. An adapter that cannot hide writes until they are all applied runs them one after another.
     */
    default void together(Runnable writes) {
        writes.run();
    }

    /** The stream will be replayed from its start: drop everything, positions included. */
    void clear();
}
