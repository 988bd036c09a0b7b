package io.modelregistry.projection.directory;

import io.modelregistry.projection.directory.opensearch.OpenSearchArtifactDirectory;
import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;

/**
 * The OpenSearch directory against the port's contract, on the test JVM's OpenSearch node: its indices for the class,
 * emptied (deleted and created again, as a rebuild does) before each test. Pages of 7 hits and 7 digests, so that
 * versions and live digests are read across many pages.
 */
class OpenSearchArtifactDirectoryContractTest extends ArtifactDirectoryContract<OpenSearchArtifactDirectory> {

    private static OpenSearchArtifactDirectory store;

    @Override
    protected OpenSearchArtifactDirectory newStore() {
        if (store == null) {
            store = new OpenSearchArtifactDirectory(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("directory"))), 7);
        } else {
            store.deleteAll();
        }
        return store;
    }
}
