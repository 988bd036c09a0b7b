package io.modelregistry.projection.rating;

import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.rating.opensearch.OpenSearchRatingReadModel;

/**
 * The OpenSearch ratings read model against the port's contract, on the test JVM's OpenSearch node: one set of
 * indices for the class, emptied (deleted and created again, as a rebuild does) before each test.
 */
class OpenSearchRatingReadModelTest extends RatingReadModelContract<OpenSearchRatingReadModel> {

    private static OpenSearchRatingReadModel store;

    @Override
    protected OpenSearchRatingReadModel newStore() {
        if (store == null) {
            store = new OpenSearchRatingReadModel(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("ratings"))));
        } else {
            store.deleteAll();
        }
        return store;
    }
}
