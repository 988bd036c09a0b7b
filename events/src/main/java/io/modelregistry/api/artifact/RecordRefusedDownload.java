package io.modelregistry.api.artifact;


/** Record that a download was refused by a sensitive model's monitor; appends {@link ArtifactDownloadRefused}. */
public record RecordRefusedDownload(String artifactId, ArtifactType type, String name, String packageDigest,
                                    Actor actor, String aspect, String version, MonitorVerdict monitor) {
}
