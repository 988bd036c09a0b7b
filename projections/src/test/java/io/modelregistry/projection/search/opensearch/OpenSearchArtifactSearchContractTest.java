package io.modelregistry.projection.search.opensearch;

import io.modelregistry.projection.opensearch.OpenSearchIndices;
import io.modelregistry.projection.opensearch.OpenSearchNode;
import io.modelregistry.projection.search.ArtifactSearchContract;
import io.modelregistry.projection.search.SearchFeed;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch search adapter against the search contract, on the test JVM's OpenSearch node: one index for the
 * class, emptied (deleted and created again, as a replay does) before each test. Seven candidates per search, so
 * that a regex is verified across many {@code search_after} pages.
 */
class OpenSearchArtifactSearchContractTest extends ArtifactSearchContract {

    private static OpenSearchArtifactSearch adapter;
    private static OpenSearchArtifactSearch widePages;

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

    /**
     * The prefilter property compares 600 patterns against a 400-artifact corpus, and a pattern without a required
     * trigram verifies every artifact: at seven candidates a page that is some 30,000 round trips, two minutes of
     * the build spent on paging the other tests cover already. What this test checks is which artifacts match, so
     * here a page holds 100 candidates (still several pages per scan).
     */
    @Override
    @Test
    public void aPrefilteredSearchEqualsMatchingEveryNameAndReadme() {
        if (widePages == null) {
            widePages = new OpenSearchArtifactSearch(new OpenSearchIndices(OpenSearchNode.client(),
                    OpenSearchNode.settings(OpenSearchNode.uniquePrefix("search-wide"))), Duration.ofSeconds(30), 100,
                    Clock.systemUTC());
        }
        widePages.clear();
        search = widePages;
        writer = widePages;
        feed = new SearchFeed(widePages);
        super.aPrefilteredSearchEqualsMatchingEveryNameAndReadme();
    }
}
