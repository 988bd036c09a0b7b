package io.modelregistry.api.artifact;

import java.util.Locale;

/**
 * The parsed identity of a source: which service, which repository, which revision, and (for URLs that
 * point into a repository) the sub-path. {@code canonicalUrl} is the repository's own page.
 */
public record SourceRef(SourceKind kind, String repoId, String revision, String subPath, String canonicalUrl) {

    /**
     * Equal for two ingests the registry treats as the same source, so the second can be refused (409): the
     * artifact type, the service, the repo id case-insensitively (HuggingFace and GitHub both treat ids so) and
     * the path inside the repo when the URL pointed into one. The revision is left out: another branch of a
     * registered repo is still the same source. Lives here so command and query sides compute it alike.
     */
    public String duplicateKey(ArtifactType type) {
        String key = type.wireName() + "|" + kind.name() + "|" + repoId.toLowerCase(Locale.ROOT);
        return subPath == null || subPath.isEmpty() ? key : key + "|" + subPath;
    }
}
