package io.modelregistry.projection.search;

/**
 * The name of the processing group that feeds the search index, for the adapter that must find its processor
 * (the Lucene adapter checks its index against that processor's tokens at start-up).
 */
public final class SearchProcessingGroup {

    public static final String NAME = "search";

    private SearchProcessingGroup() {
    }
}
