package io.modelregistry.projection.weights;

import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.weights.opensearch.OpenSearchWeightsScans;

/**
 * The OpenSearch weights-scan read model against the port's contract, on the test JVM's OpenSearch node: one index
 * for the class, emptied (deleted and created again, as a rebuild does) before each test.
 */
class OpenSearchWeightsScansContractTest extends WeightsScansContract<OpenSearchWeightsScans> {

    private static OpenSearchWeightsScans store;

    @Override
    protected OpenSearchWeightsScans newStore() {
        if (store == null) {
            store = new OpenSearchWeightsScans(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("weights"))));
        } else {
            store.deleteAll();
        }
        return store;
    }
}
