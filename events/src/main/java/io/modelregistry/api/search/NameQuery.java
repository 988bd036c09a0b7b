package io.modelregistry.api.search;

import io.modelregistry.api.artifact.ArtifactType;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code ArtifactQuery} of the contract: an exact, case-sensitive name, or {@link #ALL_NAMES}; and the
 * types to include, where an empty set means every type.
 */
public record NameQuery(String name, Set<ArtifactType> types) {

    /** The name that stands for every name. */
    public static final String ALL_NAMES = "*";

    public NameQuery {
        Objects.requireNonNull(name, "name");
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public boolean allNames() {
        return ALL_NAMES.equals(name);
    }
}
