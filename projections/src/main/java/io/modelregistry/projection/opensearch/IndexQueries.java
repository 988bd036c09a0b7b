package io.modelregistry.projection.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.DeleteByQueryResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.SourceConfig;

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
        return collect(index, query, sort, null, 0, limit, page, type);
    }

    /**
     * As {@link #collect(OpenSearchIndex, Query, List, int, int, Class)}, reading only the source {@code fields}
     * ({@code null}: all), after skipping the first {@code skip} hits. Skipped hits are read as sort values only, a
     * page at a time, so an offset costs what it skips but is not limited by the index's result window
     * ({@code from + size} at most 10,000).
     */
    public static <T> List<T> collect(OpenSearchIndex index, Query query, List<SortOptions> sort, List<String> fields,
                                      long skip, int limit, int page, Class<T> type) {
        requirePage(page);
        List<String> after = null;
        for (long skipped = 0; skipped < skip; ) {
            int size = (int) Math.min(page, skip - skipped);
            List<Hit<T>> hits = search(index, query, sort, List.of(), size, after, type);
            if (hits.size() < size) {
                return List.of();
            }
            skipped += size;
            after = hits.get(hits.size() - 1).sort();
        }
        List<T> found = new ArrayList<>();
        pages(index, query, sort, fields, after, type, sources -> {
            found.addAll(sources);
            return true;
        }, () -> Math.min(page, limit - found.size()));
        return found;
    }

    /**
     * Hands the sources ({@code fields} of them; {@code null}: all) of the documents {@code query} matches to
     * {@code visitor} in {@code sort} order, a page of {@code page} hits at a time, until it returns false or none are
     * left. The last sort key must be unique per document.
     */
    public static <T> void forEachPage(OpenSearchIndex index, Query query, List<SortOptions> sort, List<String> fields,
                                       int page, Class<T> type, Predicate<List<T>> visitor) {
        requirePage(page);
        pages(index, query, sort, fields, null, type, visitor, () -> page);
    }

    private static <T> void pages(OpenSearchIndex index, Query query, List<SortOptions> sort, List<String> fields,
                                  List<String> startAfter, Class<T> type, Predicate<List<T>> visitor,
                                  IntSupplier nextSize) {
        List<String> after = startAfter;
        while (true) {
            int size = nextSize.getAsInt();
            if (size <= 0) {
                return;
            }
            List<Hit<T>> hits = search(index, query, sort, fields, size, after, type);
            if (!hits.isEmpty() && !visitor.test(hits.stream().map(Hit::source).toList())) {
                return;
            }
            if (hits.size() < size) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /**
     * Hands every distinct value of the keyword {@code field} among the documents {@code query} matches to
     * {@code visitor}, in the field's order, until it returns false or none are left: a composite aggregation paged
     * by its {@code after} key, {@code chunk} buckets a page. The key is a cursor on the value itself, so no value falls
     * between two pages however many documents share it, and none is skipped by a write between pages.
     */
    public static void forEachTerm(OpenSearchIndex index, Query query, String field, int chunk,
                                   Predicate<String> visitor) {
        Map<String, String> after = null;
        while (true) {
            Map<String, String> from = after;
            SearchResponse<Void> response;
            try {
                response = index.client().search(s -> s.index(index.name()).size(0).query(query)
                        .aggregations("terms", a -> a.composite(c -> {
                            c.size(chunk).sources(Map.of(field,
                                    CompositeAggregationSource.of(source -> source.terms(t -> t.field(field)))));
                            if (from != null) {
                                c.after(from);
                            }
                            return c;
                        })), Void.class);
            } catch (IOException e) {
                throw new UncheckedIOException("OpenSearch aggregation on " + index.name() + " failed", e);
            }
            CompositeAggregate page = response.aggregations().get("terms").composite();
            List<CompositeBucket> buckets = page.buckets().array();
            for (CompositeBucket bucket : buckets) {
                if (!visitor.test(bucket.key().get(field).to(String.class))) {
                    return;
                }
            }
            if (buckets.size() < chunk || page.afterKey() == null || page.afterKey().isEmpty()) {
                return;
            }
            after = Map.of(field, page.afterKey().get(field).to(String.class));
        }
    }

    /** One page; {@code fields} empty: no source at all, {@code null}: all of it. */
    private static <T> List<Hit<T>> search(OpenSearchIndex index, Query query, List<SortOptions> sort,
                                           List<String> fields, int size, List<String> after, Class<T> type) {
        SearchResponse<T> response;
        try {
            response = index.client().search(s -> {
                s.index(index.name()).size(size).query(query).sort(sort).trackTotalHits(t -> t.enabled(false));
                if (fields != null) {
                    s.source(fields.isEmpty() ? SourceConfig.of(c -> c.fetch(false))
                            : SourceConfig.of(c -> c.filter(f -> f.includes(fields))));
                }
                if (after != null) {
                    s.searchAfter(after);
                }
                return s;
            }, type);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch search of " + index.name() + " failed", e);
        }
        return response.hits().hits();
    }

    private static void requirePage(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + MAX_PAGE + " hits");
        }
    }

    /**
     * Deletes every document {@code query} matches and refreshes, so the next search no longer sees them. The delete
     * runs on what the index's last refresh shows; adapters that call it refresh every write, so that is every
     * acknowledged write.
     */
    public static long deleteMatching(OpenSearchIndex index, Query query) {
        DeleteByQueryResponse response;
        try {
            response = index.write(() -> index.client().deleteByQuery(d -> d.index(index.name()).query(query)
                    .refresh(true)
                    // a document changed since the refresh fails the delete (it is retried) rather than surviving it
                    .conflicts(Conflicts.Abort).waitForCompletion(true)));
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
     * values at a time ({@link #forEachTerm}, to the end). Linear in the distinct values.
     */
    public static void eachDistinct(OpenSearchIndex index, Query query, String field, int page, Consumer<String> each) {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + MAX_PAGE + " values");
        }
        forEachTerm(index, query, field, page, value -> {
            each.accept(value);
            return true;
        });
    }
}
