package io.modelregistry.projection.card;

import io.modelregistry.projection.card.opensearch.OpenSearchArtifactCards;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;

/**
 * The OpenSearch card read model against the port's contract, on the test JVM's OpenSearch node: one index for the
 * class, emptied (deleted and created again, as a rebuild does) before each test. Pages of 7 hits, so that an
 * artifact's cards are read across many pages.
 */
class OpenSearchArtifactCardsContractTest extends ArtifactCardsContract<OpenSearchArtifactCards> {

    private static OpenSearchArtifactCards store;

    @Override
    protected OpenSearchArtifactCards newStore() {
        if (store == null) {
            store = new OpenSearchArtifactCards(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("cards"))), 7);
        } else {
            store.deleteAll();
        }
        return store;
    }
}
