package io.modelregistry.projection.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.DeleteByQueryResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Reads and deletes by query on one read-model index, done one way: reads of any length in {@code search_after}
 * pages over a sort whose last key is unique (so a page boundary can neither skip nor repeat a document that is
 * there throughout), and deletes that see every acknowledged write and fail loudly instead of half-succeeding.
 */
public final class IndexQueries {

    /** Hits per search: well under an index's default result window (10,000). */
    public static final int MAX_PAGE = 1_000;

    private IndexQueries() {
    }

    /**
     * At most {@code limit} sources of the documents {@code query} matches, in {@code sort} order, read {@code page}
     * hits at a time. The last sort key must be unique per document.
     */
    public static <T> List<T> collect(OpenSearchIndex index, Query query, List<SortOptions> sort, int limit, int page,
                                      Class<T> type) {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + MAX_PAGE + " hits");
        }
        List<T> found = new ArrayList<>();
        List<String> after = null;
        while (found.size() < limit) {
            int size = Math.min(page, limit - found.size());
            List<String> from = after;
            SearchResponse<T> response;
            try {
                response = index.client().search(s -> {
                    s.index(index.name()).size(size).query(query).sort(sort).trackTotalHits(t -> t.enabled(false));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, type);
            } catch (IOException e) {
                throw new UncheckedIOException("OpenSearch search of " + index.name() + " failed", e);
            }
            List<Hit<T>> hits = response.hits().hits();
            hits.forEach(hit -> found.add(hit.source()));
            if (hits.size() < size) {
                break;
            }
            after = hits.get(hits.size() - 1).sort();
        }
        return found;
    }

    /**
     * Deletes every document {@code query} matches and refreshes, so the next search no longer sees them. The delete
     * runs on what the index's last refresh shows; adapters that call it refresh every write, so that is every
     * acknowledged write.
     */
    public static long deleteMatching(OpenSearchIndex index, Query query) {
        DeleteByQueryResponse response;
        try {
            response = index.client().deleteByQuery(d -> d.index(index.name()).query(query).refresh(true)
                    // a document changed since the refresh fails the delete (it is retried) rather than surviving it
                    .conflicts(Conflicts.Abort).waitForCompletion(true));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch delete by query on " + index.name() + " failed", e);
        }
        if (!response.failures().isEmpty()) {
            throw new IllegalStateException("OpenSearch could not delete " + response.failures().size()
                    + " documents of " + index.name() + ": " + response.failures().get(0).cause().reason());
        }
        return response.deleted() == null ? 0 : response.deleted();
    }

    /**
     * Every distinct value of the keyword {@code field} among the documents {@code query} matches, {@code page}
     * values at a time: a composite aggregation paged by its {@code after} key, a cursor on the value itself, so no
     * value falls between two pages however many documents share it. Linear in the distinct values.
     */
    public static void eachDistinct(OpenSearchIndex index, Query query, String field, int page, Consumer<String> each) {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + MAX_PAGE + " values");
        }
        Map<String, String> after = null;
        while (true) {
            Map<String, String> from = after;
            SearchResponse<Void> response;
            try {
                response = index.client().search(s -> s.index(index.name()).size(0).query(query)
                        .aggregations("values", a -> a.composite(c -> {
                            c.size(page).sources(Map.of(field,
                                    CompositeAggregationSource.of(source -> source.terms(t -> t.field(field)))));
                            if (from != null) {
                                c.after(from);
                            }
                            return c;
                        })), Void.class);
            } catch (IOException e) {
                throw new UncheckedIOException("OpenSearch aggregation on " + index.name() + " failed", e);
            }
            CompositeAggregate values = response.aggregations().get("values").composite();
            List<CompositeBucket> buckets = values.buckets().array();
            buckets.forEach(bucket -> each.accept(bucket.key().get(field).to(String.class)));
            if (buckets.size() < page || values.afterKey() == null || values.afterKey().isEmpty()) {
                return;
            }
            after = Map.of(field, values.afterKey().get(field).to(String.class));
        }
    }
}
