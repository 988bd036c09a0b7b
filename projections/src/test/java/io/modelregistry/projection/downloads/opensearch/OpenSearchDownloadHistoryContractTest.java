package io.modelregistry.projection.downloads.opensearch;

import io.modelregistry.api.download.DownloadHistory;
import io.modelregistry.api.download.DownloadHistoryWriter;
import io.modelregistry.projection.downloads.DownloadHistoryContract;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;

/**
 * The OpenSearch download history against the port's contract, on the test JVM's OpenSearch node: its indices for
 * the class, emptied (deleted and created again, as a rebuild does) before each test. {@code afterWrites} is not
 * overridden: every write is visible to the next read without it.
 */
class OpenSearchDownloadHistoryContractTest extends DownloadHistoryContract {

    private static OpenSearchDownloadHistory store;

    @Override
    protected DownloadHistory freshHistory() {
        if (store == null) {
            store = new OpenSearchDownloadHistory(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("downloads"))));
        } else {
            store.deleteAll();
        }
        return store;
    }

    @Override
    protected DownloadHistoryWriter writer() {
        return store;
    }
}
