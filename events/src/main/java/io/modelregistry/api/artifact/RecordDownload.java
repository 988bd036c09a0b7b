package io.modelregistry.api.artifact;


/**
 * Record that a stored package (or one aspect of it, {@code aspect} as in {@link ArtifactDownloaded}) is being
 * served. Handled on the command side without loading the artifact's aggregate (so downloads never contend with
 * writes); it appends {@link ArtifactDownloaded}. {@code version} is the version served (none: the latest);
 * {@code monitor} the verdict of the monitor program that allowed it (none: no program ran).
 */
public record RecordDownload(String artifactId, ArtifactType type, String name, String packageDigest, long bytes,
                             Actor actor, String aspect, String version, MonitorVerdict monitor) {

    public RecordDownload {
        aspect = aspect == null ? ArtifactDownloaded.FULL : aspect;
    }

    public RecordDownload(String artifactId, ArtifactType type, String name, String packageDigest, long bytes,
                          Actor actor, String aspect) {
        this(artifactId, type, name, packageDigest, bytes, actor, aspect, null, null);
    }

    public RecordDownload(String artifactId, ArtifactType type, String name, String packageDigest, long bytes,
                          Actor actor, String aspect, String version) {
        this(artifactId, type, name, packageDigest, bytes, actor, aspect, version, null);
    }
}
