package io.modelregistry.projection.search.lucene;

import java.util.List;
import java.util.OptionalLong;

/**
 * Decides, before the event processors start, whether the search index holds every event that the token
 * store says the processing group has handled. Pure, so every case is testable.
 */
final class RecoveryPlan {

    enum Action {
        /** The index is at least as far as the tokens: the processor simply continues. */
        NONE,
        /** No tokens exist: the processor will start over from its initial token, so must the index. */
        CLEAR_INDEX,
        /** The index may miss handled events: reset the tokens (clears the index) and replay the stream. */
        REPLAY
    }

    private RecoveryPlan() {
    }

    /**
     * @param index          the index's durable state as found at open
     * @param tokenPositions one entry per token segment: its position, -1 for a token that has seen nothing,
     *                       empty when the token has no position
     */
    static Action decide(SearchIndex.CommittedState index, List<OptionalLong> tokenPositions) {
        if (tokenPositions.isEmpty()) {
            return index.documents() > 0 || index.position() > SearchIndex.NO_POSITION ? Action.CLEAR_INDEX
                    : Action.NONE;
        }
        long tokens = SearchIndex.NO_POSITION;
        for (OptionalLong position : tokenPositions) {
            if (position.isEmpty()) {
                return index.cleanShutdown() ? Action.NONE : Action.REPLAY;
            }
            tokens = Math.max(tokens, position.getAsLong());
        }
        if (index.position() < tokens) {
            return Action.REPLAY;
        }
        // With one segment, events are applied in stream order, so "position >= token" proves nothing handled
        // is missing. With several, segments interleave: only a clean shutdown (final commit after the
        // processors stopped) proves it.
        return index.cleanShutdown() || tokenPositions.size() == 1 ? Action.NONE : Action.REPLAY;
    }
}
