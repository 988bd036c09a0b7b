package io.modelregistry.api.weights;

import java.time.Instant;

/**
 * One package's scan as the read model keeps it, with the administrator's override if any.
 *
 * @param override null when no administrator allowed the package
 */
public record WeightsScanRecord(String artifactId, String packageDigest, String version, WeightsScan scan,
                                Override override) {

    /** Who allowed the package's downloads despite its scan, when and why. */
    public record Override(String by, Instant at, String reason) {
    }

    /** Whether a download of these dangerous weights must be refused: dangerous and not overridden. */
    public boolean refused() {
        return scan != null && scan.dangerous() && override == null;
    }
}
