package io.modelregistry.query.hf;

import io.modelregistry.api.error.ErrorMessage;

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

    private final ErrorMessage message;

    HubError(int status, String code, ErrorMessage message, Object... args) {
        super(message.render(args));
        this.status = status;
        this.code = code;
        this.message = message;
    }

    static HubError repoNotFound(RepoType type, String repo) {
        return new HubError(404, REPO_NOT_FOUND, ErrorMessage.HF_REPOSITORY_FOUND_REGISTRY_ID, type.word(), repo, type.word());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    ErrorMessage errorMessage() {
        return message;
    }
}
