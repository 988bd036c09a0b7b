package io.modelregistry.projection.rating.opensearch;

import io.modelregistry.api.rating.IngestRefusal;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.rating.RatingReadModelWriter;
import io.modelregistry.api.rating.StoredRating;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.WriteOrder;
import io.modelregistry.projection.rating.RatingJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The ratings read model in four OpenSearch indices: the latest rating per model (id: the artifact id; with lower-cased
 * repo id, repo name and name for the tree-score look-up), the latest per version (id: version and artifact id), every
 * rating (id: the event id) and the refused ingests (id: the event id). History and refusals are created only if
 * absent, so a redelivered event keeps its first write and place; the latest ones are overwritten with what the
 * same event says again. Every look-up is by key and bounded; writes are refreshed before they return, so the next
 * read on any node sees them. Outcomes are stored as JSON, not indexed.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchRatingReadModel implements RatingReadModel, RatingReadModelWriter {

    private static final int MAX_MESSAGE_CHARS = 4000;
    /** Versions of one model looked at for a per-version rating, as the embedded adapter does. */
    private static final int MAX_VERSIONS = 1000;
    private static final int MAX_FOUND = 100;

    private final OpenSearchIndex latest;
    private final OpenSearchIndex versions;
    private final OpenSearchIndex history;
    private final OpenSearchIndex refusals;
    private final WriteOrder order = new WriteOrder();

    public OpenSearchRatingReadModel(OpenSearchIndices indices) {
        this.latest = register(indices, "ratings-latest");
        this.versions = register(indices, "ratings-versions");
        this.history = register(indices, "ratings-history");
        this.refusals = register(indices, "ratings-refusals");
    }

    private static OpenSearchIndex register(OpenSearchIndices indices, String readModel) {
        return indices.register(IndexDefinition.fromResource(readModel, OpenSearchRatingReadModel.class,
                readModel + ".json"));
    }

    record LatestDocument(String artifactId, String name, String nameLc, String repoIdLc, String repoNameLc,
                          double netScore, boolean failed, String version, String outcome, String ratedBy,
                          Instant ratedAt, long ratedAtMicros, String eventId) {
    }

    record VersionDocument(String artifactId, String version, String outcome, String ratedBy, Instant ratedAt,
                           long ratedAtMicros, String eventId) {
    }

    record HistoryDocument(String eventId, String artifactId, String version, String outcome, String ratedBy,
                           Instant ratedAt, long ratedAtMicros, long order) {
    }

    record RefusalDocument(String eventId, String sourceUrl, String name, String message, String outcome,
                           String refusedBy, Instant refusedAt, long refusedAtMicros, long order) {
    }

    @Override
    public Optional<StoredRating> latest(String artifactId) {
        return latestDocument(artifactId).map(d -> new StoredRating(d.artifactId(), RatingJson.read(d.outcome()),
                d.ratedBy(), d.ratedAt(), d.version()));
    }

    /** Ratings recorded before versions have no per-version document: they rated the default version, the latest. */
    @Override
    public Optional<StoredRating> latest(String artifactId, String version) {
        List<VersionDocument> perVersion = IndexQueries.collect(versions, byArtifact(artifactId),
                List.of(ascending("version")), MAX_VERSIONS, IndexQueries.MAX_PAGE, VersionDocument.class);
        Optional<StoredRating> found = perVersion.stream()
                .filter(d -> SemanticVersions.same(d.version(), version)).findFirst()
                .map(d -> new StoredRating(d.artifactId(), RatingJson.read(d.outcome()), d.ratedBy(), d.ratedAt(),
                        d.version()));
        return found.isPresent() || !perVersion.isEmpty() ? found
                : latest(artifactId).filter(rating -> SemanticVersions.same(rating.version(), version));
    }

    @Override
    public List<StoredRating> history(String artifactId, int limit) {
        return IndexQueries.collect(history, byArtifact(artifactId),
                        List.of(ascending("ratedAtMicros"), ascending("order"), ascending("eventId")), limit,
                        IndexQueries.MAX_PAGE, HistoryDocument.class).stream()
                .map(d -> new StoredRating(d.artifactId(), RatingJson.read(d.outcome()), d.ratedBy(), d.ratedAt(),
                        d.version()))
                .toList();
    }

    @Override
    public List<IngestRefusal> refusals(int limit) {
        return IndexQueries.collect(refusals, Query.of(q -> q.matchAll(m -> m)),
                        List.of(descending("refusedAtMicros"), descending("order"), descending("eventId")), limit,
                        IndexQueries.MAX_PAGE, RefusalDocument.class).stream()
                .map(d -> new IngestRefusal(d.sourceUrl(), d.name(), d.message(), RatingJson.read(d.outcome()),
                        d.refusedBy(), d.refusedAt()))
                .toList();
    }

    @Override
    public List<RatedModel> find(String repoIdOrName, int limit) {
        if (repoIdOrName == null || repoIdOrName.isBlank() || repoIdOrName.length() > 512) {
            return List.of();
        }
        FieldValue key = FieldValue.of(repoIdOrName.strip().toLowerCase(Locale.ROOT));
        Query query = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("failed").value(FieldValue.of(false))))
                .should(s -> s.term(t -> t.field("repoIdLc").value(key)))
                .should(s -> s.term(t -> t.field("repoNameLc").value(key)))
                .should(s -> s.term(t -> t.field("nameLc").value(key)))
                .minimumShouldMatch("1")));
        return IndexQueries.collect(latest, query, List.of(descending("ratedAtMicros"), ascending("artifactId")),
                        Math.max(1, Math.min(limit, MAX_FOUND)), MAX_FOUND, LatestDocument.class).stream()
                .map(d -> new RatedModel(d.artifactId(), d.name(), d.repoIdLc(), d.netScore()))
                .toList();
    }

    @Override
    public void recordRating(String eventId, StoredRating rating) {
        RatingOutcome outcome = rating.outcome();
        String json = RatingJson.write(outcome);
        String repoId = outcome.repoId() == null ? null : outcome.repoId().toLowerCase(Locale.ROOT);
        String repoName = repoId == null ? null : repoId.substring(repoId.indexOf('/') + 1);
        String version = rating.version();
        String name = outcome.rating().name();
        long micros = WriteOrder.micros(rating.ratedAt());
        List<BulkOperation> writes = new ArrayList<>();
        // the artifact's latest rating is of its highest version rated: rating an older version leaves it alone
        String current = latestDocument(rating.artifactId()).map(LatestDocument::version).orElse(null);
        if (current == null || SemanticVersions.PRECEDENCE.compare(version, current) >= 0) {
            LatestDocument document = new LatestDocument(rating.artifactId(), name,
                    name.toLowerCase(Locale.ROOT), repoId, repoName, outcome.rating().scores().netScore(),
                    outcome.failed(), version, json, rating.ratedBy(), rating.ratedAt(), micros, eventId);
            writes.add(BulkOperation.of(b -> b.index(i -> i.index(latest.name()).id(rating.artifactId())
                    .document(document))));
        }
        VersionDocument perVersion = new VersionDocument(rating.artifactId(), version, json, rating.ratedBy(),
                rating.ratedAt(), micros, eventId);
        writes.add(BulkOperation.of(b -> b.index(i -> i.index(versions.name())
                .id(version + "|" + rating.artifactId()).document(perVersion))));
        HistoryDocument entry = new HistoryDocument(eventId, rating.artifactId(), version, json, rating.ratedBy(),
                rating.ratedAt(), micros, order.next());
        // create, not index: a redelivered event finds its entry (a version conflict) and keeps its first place
        writes.add(BulkOperation.of(b -> b.create(c -> c.index(history.name()).id(eventId).document(entry))));
        latest.bulk(writes, Refresh.True, true);
    }

    @Override
    public void recordRefusal(String eventId, IngestRefusal refusal) {
        RefusalDocument document = new RefusalDocument(eventId, refusal.sourceUrl(), refusal.name(),
                abbreviate(refusal.message()), RatingJson.write(refusal.outcome()), refusal.refusedBy(),
                refusal.refusedAt(), WriteOrder.micros(refusal.refusedAt()), order.next());
        refusals.bulk(List.of(BulkOperation.of(b -> b.create(c -> c.id(eventId).document(document)))), Refresh.True,
                true);
    }

    @Override
    public void deleteFor(String artifactId) {
        latest.bulk(List.of(BulkOperation.of(b -> b.delete(d -> d.id(artifactId)))), Refresh.True);
        IndexQueries.deleteMatching(history, byArtifact(artifactId));
        IndexQueries.deleteMatching(versions, byArtifact(artifactId));
    }

    @Override
    public void deleteAll() {
        latest.recreate();
        versions.recreate();
        history.recreate();
        refusals.recreate();
    }

    private Optional<LatestDocument> latestDocument(String artifactId) {
        try {
            // a get by id is real-time: it sees the last write whether or not the index was refreshed since
            GetResponse<LatestDocument> response = latest.client().get(g -> g.index(latest.name()).id(artifactId),
                    LatestDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch get from " + latest.name() + " failed", e);
        }
    }

    private static Query byArtifact(String artifactId) {
        return Query.of(q -> q.term(t -> t.field("artifactId").value(FieldValue.of(artifactId))));
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }

    private static SortOptions descending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Desc)));
    }

    /** The embedded adapter's bound, kept the same; the log keeps the whole message. */
    private static String abbreviate(String message) {
        return message == null ? "" : message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
