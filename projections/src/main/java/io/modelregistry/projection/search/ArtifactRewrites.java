package io.modelregistry.projection.search;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.version.SemanticVersions;
import java.util.List;
import java.util.TreeSet;

/**
 * What an adapter writes when an artifact it already holds changes, the same rules for every backend: an update
 * replaces the content and keeps the versions; a new version adds to them and moves the README only when it is now
 * the latest (highest precedence).
 */
public final class ArtifactRewrites {

    private ArtifactRewrites() {
    }

    /** The artifact after an update, given the versions the index holds for it (empty: keep the event's). */
    public static IndexedArtifact updated(IndexedArtifact artifact, List<String> heldVersions) {
        List<String> versions = heldVersions.isEmpty() ? artifact.versions() : heldVersions;
        return new IndexedArtifact(artifact.id(), artifact.name(), artifact.type(), artifact.readme(), versions);
    }

    /**
     * The artifact after {@code added} gained a version, given what the index holds for it. An artifact indexed
     * before versions existed had one version, the default.
     */
    public static IndexedArtifact withVersion(IndexedArtifact added, List<String> heldVersions, String heldReadme) {
        List<String> had = heldVersions.isEmpty() ? List.of(ArtifactContent.DEFAULT_VERSION) : heldVersions;
        var versions = new TreeSet<String>(SemanticVersions.PRECEDENCE);
        versions.addAll(had);
        boolean latest = added.versions().stream()
                .allMatch(v -> SemanticVersions.PRECEDENCE.compare(v, versions.last()) > 0);
        versions.addAll(added.versions());
        String readme = latest ? added.readme() : heldReadme;
        return new IndexedArtifact(added.id(), added.name(), added.type(), readme, List.copyOf(versions));
    }
}
