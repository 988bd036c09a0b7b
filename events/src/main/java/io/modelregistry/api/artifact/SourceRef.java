package io.modelregistry.api.artifact;

/**
 * The parsed identity of a source: which service, which repository, which revision, and (for URLs that
 * point into a repository) the sub-path. {@code canonicalUrl} is the repository's own page.
 */
public record SourceRef(SourceKind kind, String repoId, String revision, String subPath, String canonicalUrl) {
}
