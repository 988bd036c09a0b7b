package io.modelregistry.projection.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.projection.consistency.WriteFence;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/** Indices are created once however often (and by however many nodes) they are registered, and rebuilt empty. */
class OpenSearchIndicesTest {

    private static final String BODY = """
            {"mappings": {"dynamic": "strict", "properties": {"name": {"type": "keyword"}}}}""";

    private static OpenSearchClient client;
    private static String prefix;

    @BeforeAll
    static void node() {
        prefix = OpenSearchNode.uniquePrefix("indices");
        client = OpenSearchClients.plain(OpenSearchNode.settings(prefix));
    }

    private OpenSearchIndices indices() {
        return new OpenSearchIndices(client, OpenSearchNode.settings(prefix));
    }

    private static BulkOperation put(String id, String name) {
        return BulkOperation.of(b -> b.index(i -> i.id(id).document(Map.of("name", name))));
    }

    @Test
    void registeringAnIndexTwiceFromTwoNodesKeepsItsDocumentsAndItsMapping() {
        OpenSearchIndex first = indices().register(new IndexDefinition("twice", BODY));
        first.bulk(List.of(put("a", "alpha")), Refresh.True);

        OpenSearchIndex second = indices().register(new IndexDefinition("twice", BODY));

        assertThat(second.name()).isEqualTo(prefix + "twice");
        assertThat(second.count()).isEqualTo(1);
    }

    @Test
    void aNewerMappingAddsItsFieldsToTheExistingIndex() throws IOException {
        indices().register(new IndexDefinition("grows", BODY));
        OpenSearchIndex grown = indices().register(new IndexDefinition("grows", """
                {"mappings": {"dynamic": "strict", "properties": {"name": {"type": "keyword"},
                 "size": {"type": "long"}}}}"""));

        grown.bulk(List.of(BulkOperation.of(b -> b.index(i -> i.id("a").document(Map.of("name", "a", "size", 3))))),
                Refresh.True);
        assertThat(grown.count()).isEqualTo(1);
    }

    @Test
    void anIncompatibleMappingStopsRegistrationNamingTheIndexAndTheRebuild() {
        indices().register(new IndexDefinition("clash", BODY));
        assertThatThrownBy(() -> indices().register(new IndexDefinition("clash", """
                {"mappings": {"properties": {"name": {"type": "long"}}}}""")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(prefix + "clash")
                .hasMessageContaining("rebuilt by replay");
    }

    @Test
    void recreatingAnIndexEmptiesItAndKeepsItsMapping() {
        OpenSearchIndex index = indices().register(new IndexDefinition("rebuilt", BODY));
        index.bulk(List.of(put("a", "alpha"), put("b", "beta")), Refresh.True);

        index.recreate();

        assertThat(index.count()).isZero();
        // the strict mapping is back: an unknown field is refused, and the refusal fails the whole call
        assertThatThrownBy(() -> index.bulk(List.of(BulkOperation.of(b -> b.index(i -> i.id("c")
                .document(Map.of("colour", "red"))))), Refresh.True))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused 1 of 1 writes to " + index.name())
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }

    @Test
    void aWriteWithoutRefreshIsSearchableAfterAnExplicitRefresh() {
        OpenSearchIndex index = indices().register(new IndexDefinition("refreshed", """
                {"settings": {"index": {"refresh_interval": "-1"}},
                 "mappings": {"properties": {"name": {"type": "keyword"}}}}"""));
        index.bulk(List.of(put("a", "alpha")), Refresh.False);
        assertThat(index.count()).isZero();

        index.refresh();

        assertThat(index.count()).isEqualTo(1);
    }

    /** A fence that records what it is asked and refuses writes while told to. */
    static final class RecordingFence implements WriteFence {
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile boolean refuse;

        @Override
        public void beforeWrite(String target) {
            asked.add("before " + target);
            if (refuse) {
                throw new UnableToClaimTokenException("another node holds the segment");
            }
        }

        @Override
        public void afterWrite(String target) {
            asked.add("after " + target);
        }
    }

    @Test
    void everyKindOfWriteGoesThroughTheFenceAndAWriteItRefusesIsNotMade() {
        RecordingFence fence = new RecordingFence();
        OpenSearchIndex index = new OpenSearchIndices(client, OpenSearchNode.settings(prefix), fence)
                .register(new IndexDefinition("fenced", BODY));
        assertThat(fence.asked).as("registering at start-up writes no document").isEmpty();
        index.bulk(List.of(put("a", "alpha"), put("b", "beta")), Refresh.True);
        assertThat(fence.asked).containsExactly("before " + index.name(), "after " + index.name());

        fence.refuse = true;
        assertThatThrownBy(() -> index.bulk(List.of(put("c", "gamma")), Refresh.True))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(index::recreate).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> IndexQueries.deleteMatching(index, Query.of(q -> q.matchAll(m -> m))))
                .isInstanceOf(UnableToClaimTokenException.class);

        assertThat(index.get("c", Map.class)).as("a refused bulk write").isEmpty();
        assertThat(index.count()).as("neither re-created nor deleted by query").isEqualTo(2);
        fence.refuse = false;
        assertThat(IndexQueries.deleteMatching(index, Query.of(q -> q.matchAll(m -> m)))).isEqualTo(2);
        index.recreate();
        assertThat(fence.asked).filteredOn(s -> s.startsWith("after")).hasSize(3);
    }
}
