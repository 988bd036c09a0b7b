package io.modelregistry.projection.audit;

import io.modelregistry.projection.audit.opensearch.OpenSearchAuditTrail;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;

/**
 * The OpenSearch audit trail against the port's contract, on the test JVM's OpenSearch node: one index for the
 * class, emptied (deleted and created again, as a rebuild does) before each test. Pages of 7 hits, so that a trail
 * is read across many {@code search_after} pages.
 */
class OpenSearchAuditTrailTest extends AuditTrailContract<OpenSearchAuditTrail> {

    private static OpenSearchAuditTrail store;

    @Override
    protected OpenSearchAuditTrail newStore() {
        if (store == null) {
            store = new OpenSearchAuditTrail(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("audit"))), 7);
        } else {
            store.deleteAll();
        }
        return store;
    }
}
