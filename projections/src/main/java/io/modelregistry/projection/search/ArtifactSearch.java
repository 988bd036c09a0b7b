package io.modelregistry.projection.search;

import java.util.List;

/** Placeholder until the search branch lands (replaced wholesale by it). */
public interface ArtifactSearch {
    List<ArtifactSummary> byName(String exactName);

    SearchPage list(List<NameQuery> queries, int offset, int limit);

    List<ArtifactSummary> byRegex(String pattern, int limit);

    IndexStats stats();
}
