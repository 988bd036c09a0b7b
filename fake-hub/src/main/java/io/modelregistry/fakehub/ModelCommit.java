package io.modelregistry.fakehub;

import java.time.Instant;
import java.util.List;

/**
 * One commit of a HuggingFace model repository as {@code /api/models/{id}/commits/{rev}} lists it: its authors'
 * hub usernames, title and date. The id is made up by {@link FakeHub#serveModelCommits} when null.
 */
public record ModelCommit(String id, List<String> authors, String title, Instant date) {

    public ModelCommit {
        authors = List.copyOf(authors);
    }

    /** A commit by {@code authors} with a generated id, title and date. */
    public static ModelCommit by(String... authors) {
        return new ModelCommit(null, List.of(authors), "Upload", null);
    }
}
