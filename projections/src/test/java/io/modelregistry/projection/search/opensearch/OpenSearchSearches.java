package io.modelregistry.projection.search.opensearch;

import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import java.time.Clock;
import java.time.Duration;

/** The OpenSearch search adapter as the registry builds it, on the test JVM's node, for tests of other packages. */
public final class OpenSearchSearches {

    private OpenSearchSearches() {
    }

    /** An adapter on indices of its own (a unique prefix), with the registry's candidate page and a 30 s budget. */
    public static OpenSearchArtifactSearch onTheTestNode(String prefix) {
        return new OpenSearchArtifactSearch(new OpenSearchIndices(OpenSearchNode.client(),
                OpenSearchNode.settings(OpenSearchNode.uniquePrefix(prefix))), Duration.ofSeconds(30),
                OpenSearchArtifactSearch.CANDIDATE_PAGE, Clock.systemUTC());
    }
}
