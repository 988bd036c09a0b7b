package io.modelregistry.api.card;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The query port of the card read model; {@link ArtifactCardWriter} is its write side. */
public interface ArtifactCards {

    /** The card of {@code version}, or of the latest version (highest semantic-version precedence) when empty. */
    Optional<ArtifactCard> find(String artifactId, Optional<String> version);

    /** The latest version's card of each id that has one (ids without a card are left out), at most 100 ids. */
    Map<String, ArtifactCard> latest(Collection<String> artifactIds);
}
