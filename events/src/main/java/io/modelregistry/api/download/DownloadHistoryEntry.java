package io.modelregistry.api.download;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.MonitorVerdict;
import java.time.Instant;

/**
 * One download, or one refused download, in the download history. {@code position} is the event's place in the
 * log (the history's order, and its paging cursor); {@code bytes} is what the response sent (0 when refused);
 * {@code monitor} is the monitor program's verdict, or null when no program ran (the model was not sensitive).
 */
public record DownloadHistoryEntry(long position, Instant at, String username, boolean admin, String artifactId,
                                   ArtifactType type, String name, String version, String aspect, long bytes,
                                   boolean allowed, MonitorVerdict monitor) {
}
