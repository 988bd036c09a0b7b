package io.modelregistry.api.search;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.version.VersionRange;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code ArtifactQuery} of the contract: an exact, case-sensitive name, or {@link #ALL_NAMES}; and the
 * types to include, where an empty set means every type; and (an extension) the versions, {@code null} for any:
 * an artifact matches when one of its versions is in the range.
 */
public record NameQuery(String name, Set<ArtifactType> types, VersionRange version) {

    /** The name that stands for every name. */
    public static final String ALL_NAMES = "*";

    public NameQuery {
        Objects.requireNonNull(name, "name");
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public NameQuery(String name, Set<ArtifactType> types) {
        this(name, types, null);
    }

    public boolean allNames() {
        return ALL_NAMES.equals(name);
    }
}
