package io.modelregistry.projection.search.opensearch;

import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.search.ArtifactSearchContract;
import java.time.Clock;
import java.time.Duration;

/**
 * The OpenSearch search adapter against the search contract, on the test JVM's OpenSearch node: one index for the
 * class, emptied (deleted and created again, as a replay does) before each test. Seven candidates per search, so
 * that a regex is verified across many {@code search_after} pages.
 */
class OpenSearchArtifactSearchContractTest extends ArtifactSearchContract {

    private static OpenSearchArtifactSearch adapter;

    @Override
    protected Adapter emptyAdapter() {
        if (adapter == null) {
            adapter = new OpenSearchArtifactSearch(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("search"))), Duration.ofSeconds(30), 7,
                    Clock.systemUTC());
        } else {
            adapter.clear();
        }
        return new Adapter(adapter, adapter);
    }
}
