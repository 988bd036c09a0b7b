package io.modelregistry.rating;

import java.util.Map;

/**
 * The model repository's own commit history on the hub: commits per author (hub usernames; a commit with two
 * authors counts for each), or why it is unknown.
 *
 * @param commitsByAuthor empty when unknown
 * @param commits         commits read (at most the bound)
 * @param problem         why it is unknown, else null
 */
record ModelHistory(Map<String, Long> commitsByAuthor, int commits, String problem) {

    ModelHistory {
        commitsByAuthor = Map.copyOf(commitsByAuthor);
    }

    static ModelHistory unknown(String problem) {
        return new ModelHistory(Map.of(), 0, problem);
    }

    boolean known() {
        return problem == null && !commitsByAuthor.isEmpty();
    }
}
