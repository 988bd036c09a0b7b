package io.modelregistry.projection.search.opensearch;

import io.modelregistry.api.version.VersionRange;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.search.query.VersionTerms;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The distinct version terms of the search index, read once per query when a version range needs them: a composite
 * aggregation on {@code versions} ({@link IndexQueries#forEachTerm}), which reads the terms, never the documents'
 * sources. Reading stops one term past {@link VersionTerms#MAX_DISTINCT_VERSIONS}, which then refuses the range.
 */
final class DistinctVersions {

    static final int CHUNK = 1_000;

    private final OpenSearchIndex index;
    private List<String> terms;

    DistinctVersions(OpenSearchIndex index) {
        this.index = index;
    }

    /** The distinct versions in {@code range}. */
    List<String> inRange(VersionRange range) {
        VersionTerms resolved = VersionTerms.in(range);
        terms().forEach(resolved::offer);
        return resolved.matching();
    }

    private List<String> terms() {
        if (terms == null) {
            terms = read();
        }
        return terms;
    }

    private List<String> read() {
        List<String> found = new ArrayList<>();
        // one past the bound, so that VersionTerms refuses the range rather than answering from part of the terms
        IndexQueries.forEachTerm(index, Query.of(q -> q.matchAll(m -> m)), "versions", CHUNK, version -> {
            found.add(version);
            return found.size() <= VersionTerms.MAX_DISTINCT_VERSIONS;
        });
        return found;
    }
}
