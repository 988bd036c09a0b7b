package io.modelregistry.projection.downloads.opensearch;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.MonitorVerdict;
import io.modelregistry.api.download.DownloadHistory;
import io.modelregistry.api.download.DownloadHistoryEntry;
import io.modelregistry.api.download.DownloadHistoryWriter;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import java.time.Instant;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.MatchAllQuery;
import org.opensearch.client.opensearch._types.query_dsl.RangeQuery;
import org.opensearch.client.opensearch._types.query_dsl.TermQuery;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The download history in two OpenSearch indices: {@code download-history}, one document per download or refused
 * download ({@code _id} its event's log position, created only if absent, so a redelivered or replayed event leaves
 * the first write alone), and {@code download-history-resets}, one per registry reset ({@code _id} its position).
 * A page is two searches: the last reset at or before the instant asked (one hit, newest position first), then the
 * entries after it, filtered by artifact and user as terms, older than the cursor, newest position first, one more
 * than the page holds (a page is at most {@link DownloadHistory#MAX_LIMIT}, well inside one search), so the cursor is
 * a position and pages never repeat nor skip while downloads arrive. Instants are compared as nanoseconds (a plain
 * long, exact). Writes are refreshed before they return, so the next read on any node sees them.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchDownloadHistory implements DownloadHistory, DownloadHistoryWriter {

    /** What the embedded table keeps of a monitor's reason, so both adapters answer the same. */
    private static final int REASON_CHARS = 2048;
    private static final List<SortOptions> NEWEST_FIRST = List.of(SortOptions.of(o -> o.field(f -> f.field("position")
            .order(SortOrder.Desc))));

    private final OpenSearchIndex entries;
    private final OpenSearchIndex resets;

    public OpenSearchDownloadHistory(OpenSearchIndices indices) {
        this.entries = register(indices, "download-history");
        this.resets = register(indices, "download-history-resets");
    }

    private static OpenSearchIndex register(OpenSearchIndices indices, String readModel) {
        return indices.register(IndexDefinition.fromResource(readModel, OpenSearchDownloadHistory.class,
                readModel + ".json"));
    }

    /** A stored entry; {@code monitor} is null when no program ran. */
    record EntryDocument(long position, long atNanos, Instant at, String username, boolean admin, String artifactId,
                         String type, String name, String version, String aspect, long bytes, boolean allowed,
                         MonitorVerdict monitor) {

        DownloadHistoryEntry entry() {
            return new DownloadHistoryEntry(position, at, username, admin, artifactId, ArtifactType.valueOf(type), name,
                    version, aspect, bytes, allowed, monitor);
        }
    }

    record ResetDocument(long position, long atNanos, Instant at) {
    }

    // DownloadHistory.Query, inherited, hides OpenSearch's Query: the queries here are built by their own types
    @Override
    public Page page(DownloadHistory.Query query) {
        long after = lastResetPosition(query.asOf());
        BoolQuery.Builder matching = new BoolQuery.Builder()
                .filter(RangeQuery.of(r -> r.field("position").gt(JsonData.of(after)))._toQuery());
        if (query.before() != null) {
            matching.filter(RangeQuery.of(r -> r.field("position").lt(JsonData.of(query.before())))._toQuery());
        }
        if (query.asOf() != null) {
            matching.filter(atOrBefore(query.asOf())._toQuery());
        }
        if (query.artifactId() != null) {
            matching.filter(term("artifactId", query.artifactId())._toQuery());
        }
        if (query.username() != null) {
            matching.filter(term("username", query.username())._toQuery());
        }
        List<DownloadHistoryEntry> rows = IndexQueries.collect(entries, matching.build()._toQuery(), NEWEST_FIRST,
                query.limit() + 1, IndexQueries.MAX_PAGE, EntryDocument.class).stream().map(EntryDocument::entry)
                .toList();
        if (rows.size() <= query.limit()) {
            return new Page(rows, null);
        }
        List<DownloadHistoryEntry> page = List.copyOf(rows.subList(0, query.limit()));
        return new Page(page, page.get(page.size() - 1).position());
    }

    /** The position of the last reset at or before {@code asOf} (null: the last of all), or -1 when there is none. */
    private long lastResetPosition(Instant asOf) {
        var which = asOf == null ? MatchAllQuery.of(m -> m)._toQuery() : atOrBefore(asOf)._toQuery();
        return IndexQueries.collect(resets, which, NEWEST_FIRST, 1, 1, ResetDocument.class).stream()
                .mapToLong(ResetDocument::position).findFirst().orElse(-1);
    }

    @Override
    public void record(DownloadHistoryEntry e) {
        MonitorVerdict m = e.monitor() == null ? null : e.monitor().forRecord();
        MonitorVerdict kept = m == null || m.reason() == null || m.reason().length() <= REASON_CHARS ? m
                : new MonitorVerdict(m.outcome(), m.exitCode(), m.programSha256(), m.stdout(), m.stderr(),
                        m.truncated(), m.millis(), m.reason().substring(0, REASON_CHARS));
        EntryDocument document = new EntryDocument(e.position(), nanos(e.at()), e.at(), e.username(), e.admin(),
                e.artifactId(), e.type().name(), e.name(), e.version(), e.aspect(), e.bytes(), e.allowed(), kept);
        // create, not index: a redelivered event finds its entry there (a version conflict) and leaves it alone
        entries.bulk(List.of(BulkOperation.of(b -> b.create(c -> c.id(Long.toString(e.position()))
                .document(document)))), Refresh.True, true);
    }

    @Override
    public void reset(long position, Instant at) {
        ResetDocument document = new ResetDocument(position, nanos(at), at);
        resets.bulk(List.of(BulkOperation.of(b -> b.create(c -> c.id(Long.toString(position)).document(document)))),
                Refresh.True, true);
    }

    @Override
    public void deleteAll() {
        entries.recreate();
        resets.recreate();
    }

    private static RangeQuery atOrBefore(Instant asOf) {
        return RangeQuery.of(r -> r.field("atNanos").lte(JsonData.of(nanos(asOf))));
    }

    private static TermQuery term(String field, String value) {
        return TermQuery.of(t -> t.field(field).value(FieldValue.of(value)));
    }

    /** Nanoseconds since the epoch: exact, and a long until the year 2262. */
    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }
}
