package io.modelregistry.rating;

/**
 * What GitHub said about how one commit arrived: through a pull request with an approving review, through none
 * with one, or nothing we can rely on, with the reason (not answering, rate-limited, out of time, budget spent).
 *
 * @param approved       null when unknown
 * @param unknownBecause why it is unknown, else null
 */
record ReviewLookup(Boolean approved, String unknownBecause) {

    static ReviewLookup of(boolean approved) {
        return new ReviewLookup(approved, null);
    }

    static ReviewLookup unknown(String because) {
        return new ReviewLookup(null, because);
    }

    boolean known() {
        return approved != null;
    }
}
