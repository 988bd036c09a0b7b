package io.modelregistry.api.card;

/** The write side of the card read model: idempotent by (artifact, version), so a replay rebuilds the same state. */
public interface ArtifactCardWriter {

    void put(ArtifactCard card);

    void delete(String artifactId);

    void deleteAll();
}
