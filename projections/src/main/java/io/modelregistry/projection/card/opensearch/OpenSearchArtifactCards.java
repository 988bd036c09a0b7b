package io.modelregistry.projection.card.opensearch;

import io.modelregistry.api.card.ArtifactCard;
import io.modelregistry.api.card.ArtifactCardWriter;
import io.modelregistry.api.card.ArtifactCards;
import io.modelregistry.projection.card.CardPrecedence;
import io.modelregistry.projection.opensearch.IndexDefinition;
import io.modelregistry.projection.opensearch.IndexQueries;
import io.modelregistry.projection.opensearch.OpenSearchIndex;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The card read model in one OpenSearch index, one document per artifact version ({@code _id}
 * {@code <artifact>|<version>}), overwritten by id, so a redelivered or replayed event writes the same card again.
 * A named version is a real-time get by id; the latest version is chosen, as by the embedded adapter, by
 * {@link CardPrecedence} among the artifact's cards, read by a term query in {@code search_after} pages sorted by
 * artifact and version (unique together). Writes are refreshed before they return, so the next read on any node
 * sees them.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "opensearch")
public class OpenSearchArtifactCards implements ArtifactCards, ArtifactCardWriter {

    static final String READ_MODEL = "cards";
    private static final int MAX_IDS = 100;
    /** An artifact has few versions; this bounds what one artifact's read returns even if it had many. */
    static final int MAX_VERSIONS_READ = 1_000;
    private static final List<SortOptions> BY_ARTIFACT_AND_VERSION = List.of(ascending("artifactId"),
            ascending("version"));

    private final OpenSearchIndex index;
    private final int page;

    @Autowired
    public OpenSearchArtifactCards(OpenSearchIndices indices) {
        this(indices, IndexQueries.MAX_PAGE);
    }

    /** With {@code page} hits per search (tests use a small one to read across many pages). */
    public OpenSearchArtifactCards(OpenSearchIndices indices, int page) {
        if (page < 1 || page > IndexQueries.MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + IndexQueries.MAX_PAGE + " hits");
        }
        this.index = indices.register(IndexDefinition.fromResource(READ_MODEL, OpenSearchArtifactCards.class,
                READ_MODEL + ".json"));
        this.page = page;
    }

    @Override
    public Optional<ArtifactCard> find(String artifactId, Optional<String> version) {
        if (version.isPresent()) {
            return index.get(cardId(artifactId, version.get()), ArtifactCard.class);
        }
        return cardsOf(List.of(artifactId)).stream().max(CardPrecedence.ORDER);
    }

    @Override
    public Map<String, ArtifactCard> latest(Collection<String> artifactIds) {
        if (artifactIds.isEmpty()) {
            return Map.of();
        }
        if (artifactIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids at once");
        }
        return CardPrecedence.latestOfEach(cardsOf(List.copyOf(new LinkedHashSet<>(artifactIds))));
    }

    @Override
    public void put(ArtifactCard card) {
        index.bulk(List.of(BulkOperation.of(b -> b.index(i -> i.id(cardId(card.artifactId(), card.version()))
                .document(card)))), Refresh.True);
    }

    @Override
    public void delete(String artifactId) {
        IndexQueries.deleteMatching(index, Query.of(q -> q.term(t -> t.field("artifactId")
                .value(FieldValue.of(artifactId)))));
    }

    @Override
    public void deleteAll() {
        index.recreate();
    }

    /** Every card of these artifacts, at most {@link #MAX_VERSIONS_READ} per artifact asked. */
    private List<ArtifactCard> cardsOf(List<String> artifactIds) {
        List<FieldValue> ids = artifactIds.stream().map(FieldValue::of).toList();
        Query query = Query.of(q -> q.terms(t -> t.field("artifactId").terms(v -> v.value(ids))));
        return IndexQueries.collect(index, query, BY_ARTIFACT_AND_VERSION, ids.size() * MAX_VERSIONS_READ, page,
                ArtifactCard.class);
    }

    /** The artifact id first: ids have no '|', so the first '|' ends it, whatever the version holds. */
    private static String cardId(String artifactId, String version) {
        return artifactId + "|" + version;
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }
}
