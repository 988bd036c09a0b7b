package io.modelregistry.projection.search.opensearch;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.IndexStats;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.SearchIndexWriter;
import io.modelregistry.api.search.SearchPage;
import io.modelregistry.api.version.VersionRange;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.search.ArtifactRewrites;
import io.modelregistry.projection.search.query.KeywordTerms;
import io.modelregistry.projection.search.query.SearchArguments;
import io.modelregistry.projection.search.query.SearchBudget;
import io.modelregistry.projection.search.query.TrigramQuery;
import io.modelregistry.projection.search.query.UserRegex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.util.ObjectBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The search read model in one OpenSearch index shared by every node: {@link ArtifactSearch} and its write side.
 * One document per artifact, its {@code _id} the artifact's; the mapping ({@code search.json} beside this class)
 * indexes the exact name, the type and every version as keywords, the registration order as a long, and the
 * trigrams of the name and the README in one field ({@code grams}, an {@code ngram} 3-3 analyzer, documents only).
 *
 * <p><b>Regular expressions</b> run with RE2/J here, never with OpenSearch's {@code regexp} query, whose cost on a
 * user's pattern is not linear and not bounded by us. The pattern's required literals ({@code search.query}, the
 * same analysis the Lucene adapter uses) become a boolean query over {@code grams}: only the artifacts whose name or
 * README has every trigram a match needs are read, in registration order, {@value #CANDIDATE_PAGE} per search, and
 * verified with RE2 until {@code limit} hits are found. A pattern with no usable literal (such as {@code e} or
 * {@code .*}) has no prefilter: then every artifact is a candidate, read the same way, which is the Lucene adapter's
 * behaviour too (it verifies every README); both stop at the limit, and both refuse with {@code BAD_REQUEST} when
 * the regex budget ({@code registry.search.regex-budget}) runs out first.
 *
 * <p><b>Order.</b> The registration order is the event's position (unique, increasing in the log), kept by updates
 * and new versions; the document id breaks ties so that {@code search_after} pages are stable.
 *
 * <p><b>Visibility.</b> A write with {@code visibleNow} is sent with {@code refresh=true}: when the projection's
 * handler returns, the next search on any node sees it. A replayed write is not refreshed one by one; a read on this
 * node refreshes first when such writes are pending, and other nodes see them at the index's next periodic refresh.
 *
 * <p><b>Durability and recovery.</b> An acknowledged OpenSearch write is durable (translog), so unlike the Lucene
 * index this one can never be behind the token store after a crash: there is no commit to lose and nothing to
 * recover at start. Every write is idempotent under redelivery (index or delete by id with what the same event says
 * again); a rewrite reads the artifact's document by id (real-time, no refresh needed).
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
@EnableConfigurationProperties(OpenSearchSearchProperties.class)
public class OpenSearchArtifactSearch implements ArtifactSearch, SearchIndexWriter {

    static final String READ_MODEL = "search";
    /** Hits per search of summaries (ids, names, types). */
    static final int PAGE = IndexQueries.MAX_PAGE;
    /** Candidates per search of a regex: each carries its README, of up to 256 KiB. */
    static final int CANDIDATE_PAGE = 100;
    private static final long NO_POSITION = -1;
    /** Registration order, then the id, unique, so that pages are stable. */
    private static final List<SortOptions> REGISTRATION_ORDER = List.of(ascending("order"), ascending("id"));
    private static final List<String> SUMMARY_FIELDS = List.of("id", "name", "type");
    private static final List<String> CANDIDATE_FIELDS = List.of("id", "name", "type", "readme");
    private static final List<String> HELD_FIELDS = List.of("readme", "versions", "order");
    private static final Query EVERYTHING = Query.of(q -> q.matchAll(m -> m));

    private final OpenSearchIndex index;
    private final Duration regexBudget;
    private final int candidatePage;
    private final Clock clock;
    /** Writes sent without a refresh that no refresh has shown yet. */
    private final AtomicBoolean unrefreshed = new AtomicBoolean();

    // written by the projection only (synchronized writes); volatile where stats() reads them
    private long lastOrder = NO_POSITION;
    private volatile long appliedPosition = NO_POSITION;
    private volatile Instant lastWriteAt;

    @Autowired
    OpenSearchArtifactSearch(OpenSearchIndices indices, OpenSearchSearchProperties properties) {
        this(indices, properties.regexBudget(), CANDIDATE_PAGE, Clock.systemUTC());
    }

    /** With {@code candidatePage} candidates per search (tests use a small one to verify across many pages). */
    public OpenSearchArtifactSearch(OpenSearchIndices indices, Duration regexBudget, int candidatePage, Clock clock) {
        if (regexBudget.isNegative() || regexBudget.isZero() || regexBudget.toMinutes() > 10) {
            throw new IllegalArgumentException("registry.search.regex-budget must be positive and at most 10 minutes");
        }
        if (candidatePage < 1 || candidatePage > PAGE) {
            throw new IllegalArgumentException("a candidate page is 1 to " + PAGE + " hits");
        }
        this.index = indices.register(IndexDefinition.fromResource(READ_MODEL, OpenSearchArtifactSearch.class,
                READ_MODEL + ".json"));
        this.regexBudget = regexBudget;
        this.candidatePage = candidatePage;
        this.clock = clock;
    }

    /** The stored document; {@code position} is the event's, when known. */
    record SearchDocument(String id, String name, String type, String readme, List<String> versions, long order,
                          Long position, long writtenAt) {
    }

    /** What a listing reads of a document. */
    record SummaryFields(String id, String name, String type) {
        ArtifactSummary summary() {
            return new ArtifactSummary(id, name, ArtifactType.fromWire(type)
                    .orElseThrow(() -> new IllegalStateException("unknown type in the search index: " + type)));
        }
    }

    /** What a regex search reads of a candidate. */
    record CandidateFields(String id, String name, String type, String readme) {
    }

    /** What a rewrite keeps of the document it replaces. */
    record HeldFields(String readme, List<String> versions, long order) {
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    @Override
    public List<ArtifactSummary> byName(String exactName) {
        SearchArguments.requireName(exactName);
        if (!KeywordTerms.fit(exactName).equals(exactName)) {
            return List.of();   // longer than any indexed name can be
        }
        refreshIfStale();
        return summaries(nameIs(exactName), 0, Integer.MAX_VALUE);
    }

    @Override
    public SearchPage list(List<NameQuery> queries, int offset, int limit) {
        SearchArguments.requireListing(queries, offset, limit);
        refreshIfStale();
        Query query = union(queries);
        long total = count(query);
        long end = Math.min(total, (long) offset + limit);
        if (end <= offset) {
            return new SearchPage(List.of(), total);
        }
        return new SearchPage(summaries(query, offset, (int) (end - offset)), total);
    }

    @Override
    public List<ArtifactSummary> byRegex(String pattern, VersionRange version, int limit) {
        return SearchArguments.regex(pattern, limit)
                .map(regex -> find(regex, version, limit, SearchBudget.startingNow(regexBudget)).hits())
                .orElse(List.of());
    }

    /** The hits of a regex search, and how many documents it read to find them. */
    record RegexResult(List<ArtifactSummary> hits, int candidatesRead, boolean prefiltered) {
    }

    RegexResult find(UserRegex regex, VersionRange version, int limit, SearchBudget budget) {
        refreshIfStale();
        List<Query> filters = new ArrayList<>(2);
        if (version != null) {
            filters.add(versionFilter(version, new DistinctVersions(index)));
        }
        Optional<Query> prefilter = TrigramQuery.of(regex.required()).map(OpenSearchArtifactSearch::toGramQuery);
        prefilter.ifPresent(filters::add);
        Query candidates = filters.isEmpty() ? EVERYTHING : allOf(filters);
        List<ArtifactSummary> hits = new ArrayList<>();
        int[] read = {0};
        // one request per page with the READMEs: fetching them separately for the names that did not match costs a
        // second round trip per page, slower in the smoke test whenever READMEs must be read (a scan's usual case)
        IndexQueries.forEachPage(index, candidates, REGISTRATION_ORDER, CANDIDATE_FIELDS, candidatePage,
                CandidateFields.class, page -> {
                    for (CandidateFields candidate : page) {
                        budget.check();
                        read[0]++;
                        if (regex.findIn(candidate.name())
                                || (candidate.readme() != null && regex.findIn(budget.watch(candidate.readme())))) {
                            hits.add(new SummaryFields(candidate.id(), candidate.name(), candidate.type()).summary());
                            if (hits.size() >= limit) {
                                return false;
                            }
                        }
                    }
                    return true;
                });
        return new RegexResult(hits, read[0], prefilter.isPresent());
    }

    /**
     * Documents and last write as OpenSearch has them (so any node reports the same), the last position and write
     * this node applied when it is the one projecting, and the index's size on disk.
     */
    @Override
    public IndexStats stats() {
        refreshIfStale();
        SearchResponse<Void> response = search(s -> s.index(index.name()).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations("writtenAt", a -> a.stats(m -> m.field("writtenAt")))
                .aggregations("position", a -> a.stats(m -> m.field("position"))));
        long documents = response.hits().total() == null ? 0 : response.hits().total().value();
        Instant written = maxOf(response.aggregations(), "writtenAt").map(Instant::ofEpochMilli).orElse(null);
        Instant local = lastWriteAt;
        Instant last = local == null ? written : written == null || local.isAfter(written) ? local : written;
        long position = Math.max(appliedPosition, maxOf(response.aggregations(), "position").orElse(NO_POSITION));
        return new IndexStats(documents, last, sizeOnDisk(), position);
    }

    // ---- writes (the projection) ---------------------------------------------------------------------------

    @Override
    public synchronized void register(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
        put(artifact, newOrder(position), position, visibleNow);
    }

    @Override
    public synchronized void update(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
        Optional<HeldFields> held = held(artifact.id());
        long order = held.map(HeldFields::order).orElseGet(() -> newOrder(position));
        put(ArtifactRewrites.updated(artifact, held.map(HeldFields::versions).orElse(List.of())), order, position,
                visibleNow);
    }

    @Override
    public synchronized void addVersion(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
        Optional<HeldFields> held = held(artifact.id());
        if (held.isEmpty()) {
            applied(position);   // deleted since: nothing to add to
            return;
        }
        put(ArtifactRewrites.withVersion(artifact, held.get().versions(), held.get().readme()), held.get().order(),
                position, visibleNow);
    }

    @Override
    public synchronized void delete(String artifactId, OptionalLong position, boolean visibleNow) {
        send(BulkOperation.of(b -> b.delete(d -> d.id(artifactId))), visibleNow);
        applied(position);
    }

    /** A registry reset: every document goes, by a delete on refreshed data (no index is missing meanwhile). */
    @Override
    public synchronized void deleteAll(OptionalLong position, boolean visibleNow) {
        refreshIfStale();
        IndexQueries.deleteMatching(index, EVERYTHING);
        applied(position);
    }

    @Override
    public synchronized void skip(OptionalLong position) {
        if (position.isPresent()) {
            appliedPosition = Math.max(appliedPosition, position.getAsLong());
        }
    }

    /** A replay from the start follows: the index is created again, empty, with its registered mapping. */
    @Override
    public synchronized void clear() {
        index.recreate();
        unrefreshed.set(false);
        lastOrder = NO_POSITION;
        appliedPosition = NO_POSITION;
        lastWriteAt = clock.instant();
    }

    private void put(IndexedArtifact artifact, long order, OptionalLong position, boolean visibleNow) {
        SearchDocument document = new SearchDocument(KeywordTerms.fit(artifact.id()), KeywordTerms.fit(artifact.name()),
                artifact.type().wireName(), artifact.readme(), artifact.versions().stream().map(KeywordTerms::fit)
                .toList(), order, position.isPresent() ? position.getAsLong() : null, clock.millis());
        send(BulkOperation.of(b -> b.index(i -> i.id(artifact.id()).document(document))), visibleNow);
        applied(position);
    }

    private void send(BulkOperation operation, boolean visibleNow) {
        index.bulk(List.of(operation), visibleNow ? Refresh.True : Refresh.False);
        if (visibleNow) {
            unrefreshed.set(false);   // the refresh showed every earlier write too
        } else {
            unrefreshed.set(true);
        }
    }

    private void applied(OptionalLong position) {
        if (position.isPresent()) {
            appliedPosition = Math.max(appliedPosition, position.getAsLong());
        }
        lastWriteAt = clock.instant();
    }

    /**
     * Positions are unique and increase in stream order; without one (an untracked delivery), after every order the
     * index or this process has used.
     */
    private long newOrder(OptionalLong position) {
        long order;
        if (position.isPresent()) {
            order = position.getAsLong();
        } else {
            refreshIfStale();
            SearchResponse<Void> response = search(s -> s.index(index.name()).size(0)
                    .aggregations("order", a -> a.stats(m -> m.field("order"))));
            order = Math.max(lastOrder, maxOf(response.aggregations(), "order").orElse(NO_POSITION)) + 1;
        }
        lastOrder = Math.max(lastOrder, order);
        return order;
    }

    private Optional<HeldFields> held(String artifactId) {
        try {
            GetResponse<HeldFields> response = index.client().get(g -> g.index(index.name())
                    .id(artifactId).sourceIncludes(HELD_FIELDS), HeldFields.class);
            return response.found() ? Optional.of(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch get from " + index.name() + " failed", e);
        }
    }

    // ---- queries -------------------------------------------------------------------------------------------

    private List<ArtifactSummary> summaries(Query query, long offset, int limit) {
        return IndexQueries.collect(index, query, REGISTRATION_ORDER, SUMMARY_FIELDS, offset, limit, PAGE,
                SummaryFields.class).stream().map(SummaryFields::summary).toList();
    }

    /** Documents matching any of the queries; a disjunction counts each document once. */
    private Query union(List<NameQuery> queries) {
        DistinctVersions versions = new DistinctVersions(index);
        List<Query> any = new ArrayList<>(queries.size());
        for (NameQuery nameQuery : queries) {
            Query one = toQuery(nameQuery, versions);
            if (one == EVERYTHING) {
                return one;
            }
            any.add(one);
        }
        return anyOf(any);
    }

    private Query toQuery(NameQuery nameQuery, DistinctVersions versions) {
        List<Query> parts = new ArrayList<>(3);
        if (nameQuery.version() != null) {
            parts.add(versionFilter(nameQuery.version(), versions));
        }
        if (!nameQuery.allNames()) {
            parts.add(nameIs(nameQuery.name()));
        }
        if (!nameQuery.types().isEmpty() && nameQuery.types().size() < ArtifactType.values().length) {
            List<FieldValue> types = nameQuery.types().stream().map(type -> FieldValue.of(type.wireName())).toList();
            parts.add(Query.of(q -> q.terms(t -> t.field("type").terms(v -> v.value(types)))));
        }
        if (parts.isEmpty()) {
            return EVERYTHING;
        }
        return parts.size() == 1 ? parts.get(0) : allOf(parts);
    }

    private static Query versionFilter(VersionRange range, DistinctVersions versions) {
        List<String> matching = versions.inRange(range);
        if (matching.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<FieldValue> values = matching.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field("versions").terms(v -> v.value(values))));
    }

    private static Query nameIs(String name) {
        return Query.of(q -> q.term(t -> t.field("name").value(FieldValue.of(name))));
    }

    /** The shared trigram prefilter over the name-and-README trigrams. */
    private static Query toGramQuery(TrigramQuery query) {
        return query.<Query>render(gram -> Query.of(q -> q.term(t -> t.field("grams").value(FieldValue.of(gram)))),
                OpenSearchArtifactSearch::allOf, OpenSearchArtifactSearch::anyOf);
    }

    private static Query allOf(List<Query> parts) {
        return Query.of(q -> q.bool(b -> b.filter(parts)));
    }

    private static Query anyOf(List<Query> parts) {
        return Query.of(q -> q.bool(b -> b.should(parts).minimumShouldMatch("1")));
    }

    private long count(Query query) {
        try {
            return index.client().count(c -> c.index(index.name()).query(query)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch count of " + index.name() + " failed", e);
        }
    }

    /** Makes writes sent without a refresh visible before this node reads. */
    private void refreshIfStale() {
        if (unrefreshed.getAndSet(false)) {
            index.refresh();
        }
    }

    private long sizeOnDisk() {
        try {
            var stats = index.client().indices().stats(s -> s.index(index.name()).metric("store"));
            var ofIndex = stats.indices().get(index.name());
            return ofIndex == null || ofIndex.total() == null || ofIndex.total().store() == null ? 0
                    : ofIndex.total().store().sizeInBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch stats of " + index.name() + " failed", e);
        }
    }

    /**
     * The largest value of a stats aggregation; empty when no document has the field (a max aggregation would say 0
     * then, as the client reads its {@code null}).
     */
    private static Optional<Long> maxOf(Map<String, Aggregate> aggregations, String name) {
        Aggregate aggregate = aggregations.get(name);
        if (aggregate == null || !aggregate.isStats() || aggregate.stats().count() == 0) {
            return Optional.empty();
        }
        return Optional.of((long) aggregate.stats().max());
    }

    private SearchResponse<Void> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) {
        try {
            return index.client().search(request, Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch search of " + index.name() + " failed", e);
        }
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }
}
