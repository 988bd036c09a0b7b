package io.modelregistry.projection.audit.opensearch;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.audit.AuditEntry;
import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.audit.AuditTrailWriter;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.WriteOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.aggregations.StringTermsAggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.util.ObjectBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The audit trail in one OpenSearch index, one document per event (its id is the event's, created only if absent, so
 * a redelivered event leaves the first write, and its place, alone). An artifact's trail is a term look-up on its id,
 * sorted by the event's instant, then the order the projection wrote it, then the event id (unique, so
 * {@code search_after} pages are stable); long trails are read in pages. Download counts are one terms aggregation
 * over the ids asked (at most 100, one bucket each, one shard: exact). Writes are refreshed before they return, so
 * the next read on any node sees them.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchAuditTrail implements AuditTrail, AuditTrailWriter {

    static final String READ_MODEL = "audit";
    /** Hits per search: well under the index's result window, so any limit is read in pages. */
    static final int PAGE = IndexQueries.MAX_PAGE;
    /** The order events happened in; the event id, unique, last, so that pages are stable. */
    private static final List<SortOptions> IN_ORDER = List.of(ascending("atMicros"), ascending("order"), ascending("eventId"));
    private static final int MAX_IDS = 100;

    private final OpenSearchIndex index;
    private final int page;
    private final WriteOrder order = new WriteOrder();

    @Autowired
    public OpenSearchAuditTrail(OpenSearchIndices indices) {
        this(indices, PAGE);
    }

    /** With {@code page} hits per search (tests use a small one to read a trail in many pages). */
    public OpenSearchAuditTrail(OpenSearchIndices indices, int page) {
        if (page < 1 || page > PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + PAGE + " hits");
        }
        this.index = indices.register(IndexDefinition.fromResource(READ_MODEL, OpenSearchAuditTrail.class,
                READ_MODEL + ".json"));
        this.page = page;
    }

    /** The stored document. */
    record EntryDocument(String eventId, String artifactId, String artifactName, String artifactType, String action,
                         String username, boolean admin, Instant at, long atMicros, String version, long order) {

        AuditEntry entry() {
            return new AuditEntry(username, admin, at, artifactId, artifactName, ArtifactType.valueOf(artifactType),
                    action, version);
        }
    }

    @Override
    public List<AuditEntry> entriesFor(String artifactId, int limit) {
        Query byArtifact = Query.of(q -> q.term(t -> t.field("artifactId").value(FieldValue.of(artifactId))));
        return IndexQueries.collect(index, byArtifact, IN_ORDER, limit, page, EntryDocument.class).stream()
                .map(EntryDocument::entry).toList();
    }

    @Override
    public Map<String, Long> downloadCounts(Collection<String> artifactIds) {
        if (artifactIds.isEmpty()) {
            return Map.of();
        }
        if (artifactIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids at once");
        }
        List<FieldValue> ids = new LinkedHashSet<>(artifactIds).stream().map(FieldValue::of).toList();
        // one bucket per id asked at most, on one shard: the counts are exact, not a top-n estimate
        SearchResponse<EntryDocument> response = search(s -> s.index(index.name()).size(0)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("action").value(FieldValue.of("DOWNLOAD"))))
                        .filter(f -> f.terms(t -> t.field("artifactId").terms(v -> v.value(ids))))))
                .aggregations("downloads", a -> a.terms(t -> t.field("artifactId").size(ids.size())
                        .shardSize(ids.size()))));
        StringTermsAggregate buckets = response.aggregations().get("downloads").sterms();
        if (buckets.sumOtherDocCount() > 0) {
            throw new IllegalStateException("OpenSearch left out download counts of " + index.name());
        }
        Map<String, Long> counts = new HashMap<>();
        for (StringTermsBucket bucket : buckets.buckets().array()) {
            counts.put(bucket.key(), bucket.docCount());
        }
        return counts;
    }

    @Override
    public void record(String eventId, AuditEntry e) {
        EntryDocument document = new EntryDocument(eventId, e.artifactId(), e.artifactName(), e.artifactType().name(),
                e.action(), e.username(), e.admin(), e.at(), WriteOrder.micros(e.at()), e.version(), order.next());
        // create, not index: a redelivered event finds its entry there (a version conflict) and keeps its first place
        index.bulk(List.of(BulkOperation.of(b -> b.create(c -> c.id(eventId).document(document)))), Refresh.True, true);
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }

    @Override
    public void deleteAll() {
        index.recreate();
    }

    private SearchResponse<EntryDocument> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) {
        try {
            return index.client().search(request, EntryDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch search of " + index.name() + " failed", e);
        }
    }
}
