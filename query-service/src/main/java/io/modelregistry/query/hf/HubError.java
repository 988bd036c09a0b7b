package io.modelregistry.query.hf;

/**
 * A refusal as the HuggingFace Hub words it: an HTTP status, the {@code X-Error-Code} header its clients turn into
 * typed errors ({@code RepositoryNotFoundError}, {@code GatedRepoError}, ...), and a message for {@code {"error"}}.
 */
final class HubError extends RuntimeException {

    static final String REPO_NOT_FOUND = "RepoNotFound";
    static final String ENTRY_NOT_FOUND = "EntryNotFound";
    static final String REVISION_NOT_FOUND = "RevisionNotFound";
    static final String GATED_REPO = "GatedRepo";

    private final int status;
    private final String code;

    HubError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static HubError repoNotFound(RepoType type, String repo) {
        return new HubError(404, REPO_NOT_FOUND, "Repository not found: no registry " + type.word() + " has the id '"
                + repo + "' (a HuggingFace " + type.word() + " is found by its source repo id, an upload by its name).");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
