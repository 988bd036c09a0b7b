package io.modelregistry.api.card;

import java.util.Optional;

/** The query port of the card read model; {@link ArtifactCardWriter} is its write side. */
public interface ArtifactCards {

    /** The card of {@code version}, or of the latest version (highest semantic-version precedence) when empty. */
    Optional<ArtifactCard> find(String artifactId, Optional<String> version);
}
