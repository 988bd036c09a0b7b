package io.modelregistry.query.hf;

import io.modelregistry.api.error.ErrorMessage;

/** The tail of {@code /hf/{repo}/resolve/{rev}/{path}}: the repo id is the one or two segments before "resolve". */
record ResolvePath(String repo, String revision, String filePath) {

    static ResolvePath parse(String rest) {
        String trimmed = rest.startsWith("/") ? rest.substring(1) : rest;
        String[] parts = trimmed.length() > ApiPath.MAX_LENGTH ? new String[0] : trimmed.split("/", -1);
        int at = parts.length > 1 && parts[1].equals("resolve") ? 1 : parts.length > 2 && parts[2].equals("resolve")
                ? 2 : -1;
        if (at < 0 || parts.length < at + 3 || parts[at + 2].isEmpty()) {
            throw new HubError(404, HubError.ENTRY_NOT_FOUND, ErrorMessage.HF_ENTRY_FOUND_USE_HF);
        }
        String repo = String.join("/", java.util.Arrays.copyOfRange(parts, 0, at));
        String path = String.join("/", java.util.Arrays.copyOfRange(parts, at + 2, parts.length));
        return new ResolvePath(repo, parts[at + 1], path);
    }
}
