package io.modelregistry.query.confusion;

import io.modelregistry.api.artifact.ArtifactType;

/**
 * One name the detector compares: a registered artifact ({@code id} set), or a well-known package that is not
 * registered ({@code id} null). {@code owner} is the hub organisation of {@code owner/name} repo ids, null when the
 * source has none.
 */
public record PackageEntry(String id, String name, ArtifactType type, String owner) {

    boolean wellKnown() {
        return id == null;
    }

    String repoId() {
        return owner == null ? name : owner + "/" + name;
    }
}
