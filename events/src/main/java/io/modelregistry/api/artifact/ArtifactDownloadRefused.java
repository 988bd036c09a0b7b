package io.modelregistry.api.artifact;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * A download of a sensitive model (in full or one aspect, {@code aspect} as in {@link ArtifactDownloaded}) was
 * refused: its monitor program said no, did not finish in time, could not be run, or there was none. No byte of
 * the package was sent. Appended, like a download, without loading the artifact's aggregate. A refusal is not a
 * download: the contract's audit trail and the download counts leave it out; the download history shows it.
 */
@EventRevision("1")
public record ArtifactDownloadRefused(String artifactId, ArtifactType type, String name, String packageDigest,
                                      Actor actor, Instant at, String aspect, String version,
                                      MonitorVerdict monitor) {

    public ArtifactDownloadRefused {
        aspect = aspect == null ? ArtifactDownloaded.FULL : aspect;
    }
}
