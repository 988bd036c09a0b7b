package io.modelregistry.query.hf;

import io.modelregistry.api.error.ErrorMessage;

/**
 * The tail of {@code /hf/api/models/...} or {@code /hf/api/datasets/...}: a repo id ({@code name} or {@code org/name}), then nothing (info at
 * {@code main}), {@code revision/{rev}}, {@code tree/{rev}[/{path}]} or {@code refs}. A revision is one segment
 * (branch and tag names with a slash arrive URL-encoded, as Hub clients send them).
 */
record ApiPath(String repo, String action, String revision, String filePath) {

    static final int MAX_LENGTH = 2_000;

    static ApiPath parse(RepoType type, String rest) {
        String trimmed = rest.startsWith("/") ? rest.substring(1) : rest;
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw new HubError(404, HubError.REPO_NOT_FOUND, ErrorMessage.HF_REPOSITORY_FOUND_GIVE_REPO);
        }
        String[] parts = trimmed.split("/", -1);
        int repoEnd = parts.length >= 2 && isAction(parts[1]) ? 1 : Math.min(2, parts.length);
        String repo = String.join("/", java.util.Arrays.copyOfRange(parts, 0, repoEnd));
        if (repoEnd == parts.length) {
            return new ApiPath(repo, "info", "main", null);
        }
        String action = parts[repoEnd];
        String revision = parts.length > repoEnd + 1 ? parts[repoEnd + 1] : "main";
        String filePath = parts.length > repoEnd + 2
                ? String.join("/", java.util.Arrays.copyOfRange(parts, repoEnd + 2, parts.length)) : "";
        return switch (action) {
            case "refs" -> new ApiPath(repo, "refs", null, null);
            case "tree" -> new ApiPath(repo, "tree", revision, filePath);
            case "revision" -> new ApiPath(repo, "info", revision, null);
            default -> throw new HubError(404, HubError.REPO_NOT_FOUND, ErrorMessage.HF_REPOSITORY_FOUND_ROUTE_REGISTRY, trimmed, type.word());
        };
    }

    private static boolean isAction(String segment) {
        return segment.equals("refs") || segment.equals("tree") || segment.equals("revision");
    }
}
