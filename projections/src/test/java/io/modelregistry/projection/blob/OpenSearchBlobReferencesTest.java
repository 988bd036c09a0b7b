package io.modelregistry.projection.blob;

import io.modelregistry.projection.blob.opensearch.OpenSearchBlobReferences;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;

/**
 * The OpenSearch blob references against the port's contract, on the test JVM's OpenSearch node: one pair of
 * indices for the class, emptied (deleted and created again, as a rebuild does) before each test. Chunks of 100,
 * so that a look-up of thousands of digests reads many aggregation pages and sends many filters.
 */
class OpenSearchBlobReferencesTest extends BlobReferencesContract<OpenSearchBlobReferences> {

    private static OpenSearchBlobReferences shared;

    @Override
    protected OpenSearchBlobReferences newStore() {
        if (shared == null) {
            shared = new OpenSearchBlobReferences(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("blobs"))), 100);
        } else {
            shared.deleteAll();
        }
        return shared;
    }
}
