package io.modelregistry.api.search;

import io.modelregistry.api.version.VersionRange;
import java.util.List;

/**
 * The query port of the search read model, used by the REST layer. The embedded adapter implements it on a
 * local Lucene index; a scale-out adapter on OpenSearch. {@link SearchIndexWriter} is its write side. Every method answers from the state the
 * projection has applied so far: once a write's events are processed, the next call sees them.
 *
 * <p>Errors are {@link io.modelregistry.api.error.RegistryException}s ({@code BAD_REQUEST} for bad input).
 */
public interface ArtifactSearch {

    /** Artifacts whose name equals {@code exactName} (case-sensitive), in registration order. */
    List<ArtifactSummary> byName(String exactName);

    /**
     * The union of {@code queries}, each artifact once, in registration order; {@code total} counts the whole
     * union, {@code items} is the page {@code [offset, offset + limit)}.
     */
    SearchPage list(List<NameQuery> queries, int offset, int limit);

    /**
     * Artifacts whose name or README contains a match of the RE2 {@code pattern} ({@code find()} semantics),
     * in registration order, at most {@code limit}.
     */
    default List<ArtifactSummary> byRegex(String pattern, int limit) {
        return byRegex(pattern, null, limit);
    }

    /**
     * As {@link #byRegex(String, int)}, among the artifacts with a version in {@code version} ({@code null}: any).
     */
    List<ArtifactSummary> byRegex(String pattern, VersionRange version, int limit);

    /** Size and progress of the read model, for health checks, the dashboard and crash recovery. */
    IndexStats stats();
}
