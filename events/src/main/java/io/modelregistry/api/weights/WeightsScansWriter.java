package io.modelregistry.api.weights;

import io.modelregistry.api.artifact.WeightsScan;

/** The write side of the weights-scan read model (port), used only by its projection. */
public interface WeightsScansWriter {

    /** Records (or records again: idempotent) a package's scan; keeps an override already recorded for it. */
    void scanned(String artifactId, String packageDigest, String version, WeightsScan scan);

    /** @param override null once it is withdrawn */
    void override(String artifactId, String packageDigest, WeightsScanRecord.Override override);

    void delete(String artifactId);

    void deleteAll();
}
