package io.modelregistry.projection.sensitive;

import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.sensitive.opensearch.OpenSearchSensitiveModels;

/**
 * The OpenSearch sensitive-model read model against the port's contract, on the test JVM's OpenSearch node: one index
 * for the class, emptied (deleted and created again, as a rebuild does) before each test.
 */
class OpenSearchSensitiveModelsContractTest extends SensitiveModelsContract<OpenSearchSensitiveModels> {

    private static OpenSearchSensitiveModels store;

    @Override
    protected OpenSearchSensitiveModels newStore() {
        if (store == null) {
            store = new OpenSearchSensitiveModels(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("sensitive"))));
        } else {
            store.deleteAll();
        }
        return store;
    }
}
