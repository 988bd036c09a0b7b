package io.modelregistry.api.search;

import io.modelregistry.api.artifact.ArtifactType;
import java.util.List;

/**
 * What the search index keeps of an artifact. {@code readme} is null when the source has none; it is the latest
 * version's. {@code versions} are the normalised versions the event names (a registration its one version, an
 * added version the new one); empty when the event names none, and the index keeps what it had.
 */
public record IndexedArtifact(String id, String name, ArtifactType type, String readme, List<String> versions) {

    public IndexedArtifact {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    public IndexedArtifact(String id, String name, ArtifactType type, String readme) {
        this(id, name, type, readme, List.of());
    }
}
