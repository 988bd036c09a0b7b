package io.modelregistry.projection.search.opensearch;

import io.modelregistry.api.version.VersionRange;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.search.query.VersionTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * The distinct version terms of the search index, read once per query when a version range needs them: a composite
 * aggregation on {@code versions} paged by its {@code after} key, which reads the terms dictionary, never the
 * documents. Reading stops one term past {@link VersionTerms#MAX_DISTINCT_VERSIONS}, which then refuses the range.
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
        Map<String, String> after = null;
        while (found.size() <= VersionTerms.MAX_DISTINCT_VERSIONS) {
            Map<String, String> from = after;
            SearchResponse<Void> response;
            try {
                response = index.client().search(s -> s.index(index.name()).size(0)
                        .aggregations("versions", a -> a.composite(c -> {
                            c.size(CHUNK).sources(Map.of("version",
                                    CompositeAggregationSource.of(source -> source.terms(t -> t.field("versions")))));
                            if (from != null) {
                                c.after(from);
                            }
                            return c;
                        })), Void.class);
            } catch (IOException e) {
                throw new UncheckedIOException("OpenSearch aggregation on " + index.name() + " failed", e);
            }
            CompositeAggregate page = response.aggregations().get("versions").composite();
            List<CompositeBucket> buckets = page.buckets().array();
            buckets.forEach(bucket -> found.add(bucket.key().get("version").to(String.class)));
            if (buckets.size() < CHUNK || page.afterKey() == null || page.afterKey().isEmpty()) {
                break;
            }
            after = Map.of("version", page.afterKey().get("version").to(String.class));
        }
        return found;
    }
}
