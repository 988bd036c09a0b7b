package io.modelregistry.projection.lineage;

import io.modelregistry.projection.lineage.opensearch.OpenSearchLineageStore;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;

/**
 * The OpenSearch lineage read model against the port's contract (and the graphs resolved through it), on the test
 * JVM's OpenSearch node: one pair of indices for the class, emptied (deleted and created again, as a rebuild does)
 * before each test.
 */
class OpenSearchLineageStoreTest extends LineageStoreContract<OpenSearchLineageStore> {

    private static OpenSearchLineageStore shared;

    @Override
    protected OpenSearchLineageStore newStore() {
        if (shared == null) {
            shared = new OpenSearchLineageStore(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("lineage"))));
        } else {
            shared.deleteAll();
        }
        return shared;
    }
}
