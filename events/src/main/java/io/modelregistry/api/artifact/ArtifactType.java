package io.modelregistry.api.artifact;

import java.util.Locale;
import java.util.Optional;

/** The three kinds of artifact the registry holds. The wire form is the lower-case name. */
public enum ArtifactType {
    MODEL, DATASET, CODE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form strictly (lower case only, as the contract's enum says). */
    public static Optional<ArtifactType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ArtifactType type : values()) {
            if (type.wireName().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
