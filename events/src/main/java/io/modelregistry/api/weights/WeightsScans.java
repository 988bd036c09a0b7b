package io.modelregistry.api.weights;

import java.util.Optional;

/** The weights-scan read model (port, query side): each package's scan and override, by artifact and package. */
public interface WeightsScans {

    /** Empty for a package stored before scans existed, or of an artifact that is gone. */
    Optional<WeightsScanRecord> scan(String artifactId, String packageDigest);
}
