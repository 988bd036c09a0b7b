package io.modelregistry.projection.search.lucene;

import io.modelregistry.projection.search.ArtifactSearchContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene adapter against the search contract: a fresh index directory per test. */
class LuceneArtifactSearchContractTest extends ArtifactSearchContract {

    @TempDir
    Path dataDir;

    private SearchIndex index;

    @Override
    protected Adapter emptyAdapter() {
        index = new SearchIndex(dataDir);
        return new Adapter(new LuceneArtifactSearch(index, Duration.ofSeconds(30)), index);
    }

    @Override
    protected void closeAdapter() {
        index.close();
    }

    /** A commit: later writes go to a new segment, so searches run across several. */
    @Override
    protected void checkpoint() {
        index.commitIfChanged();
    }
}
