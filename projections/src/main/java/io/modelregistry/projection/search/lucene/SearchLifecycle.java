package io.modelregistry.projection.search.lucene;

/** Where the search index's lifecycle work sits relative to Axon's. */
final class SearchLifecycle {

    /**
     * Axon 4.13's Spring integration starts and stops the whole Axon configuration, event processors included,
     * as one SmartLifecycle at phase {@code Integer.MAX_VALUE - 3072} (SpringAxonConfiguration). A lower phase
     * starts before the processors (recovery must run before they read the token store) and stops after them
     * (the last periodic commit follows the last event).
     */
    static final int BEFORE_EVENT_PROCESSORS = Integer.MAX_VALUE - 4096;

    private SearchLifecycle() {
    }
}
