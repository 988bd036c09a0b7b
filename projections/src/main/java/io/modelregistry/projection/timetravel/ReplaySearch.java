package io.modelregistry.projection.timetravel;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.SearchIndexWriter;

/**
 * An empty, private search read model for one replay (the listing and regex search), written through the same port
 * as the live one and thrown away by {@link #close()}.
 */
public interface ReplaySearch extends AutoCloseable {

    SearchIndexWriter writer();

    ArtifactSearch search();

    @Override
    void close();

    /** Opens a fresh, empty search read model per replay. */
    interface Factory {
        ReplaySearch open();
    }
}
