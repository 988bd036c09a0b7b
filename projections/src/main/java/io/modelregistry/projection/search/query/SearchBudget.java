package io.modelregistry.projection.search.query;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.time.Duration;

/**
 * The time one regex search may take. RE2 is linear, but linear in (text size x program size) over every
 * README can still be long; the budget turns that into a clear error instead of a hung request.
 */
public final class SearchBudget {

    private final Duration budget;
    private final long deadline;

    private SearchBudget(Duration budget) {
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    public static SearchBudget startingNow(Duration budget) {
        return new SearchBudget(budget);
    }

    public void check() {
        if (System.nanoTime() - deadline > 0) {
            throw ErrorMessage.SEARCH_REGULAR_EXPRESSION_TOO_EXPENSIVE.exception(budget.toSeconds());
        }
    }

    /** The text, checking the budget while a matcher reads it, so one long match is bounded too. */
    public CharSequence watch(String text) {
        return new WatchedText(text, this);
    }

    private static final class WatchedText implements CharSequence {
        private static final int CHECK_EVERY = 1 << 12;
        private final String text;
        private final SearchBudget budget;
        private int reads;

        WatchedText(String text, SearchBudget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & (CHECK_EVERY - 1)) == 0) {
                budget.check();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
