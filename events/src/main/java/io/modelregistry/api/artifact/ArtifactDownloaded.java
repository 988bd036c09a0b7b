package io.modelregistry.api.artifact;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/**
 * A stored package, or one aspect of it, was served. Appended without loading the artifact's aggregate, so
 * downloads never contend on it. {@code actor} is the user the signed download link was issued to; {@code aspect}
 * is {@code full} or an {@link Aspect}'s wire name (events written before aspects existed carry none: they were
 * full downloads); {@code bytes} is what this response sends (a resumed download counts only its range); {@code version} is the version served
 * (none on events written before versions existed: the artifact had one). {@code monitor} is the verdict of the
 * sensitive model's monitor program that allowed it (none: the model was not sensitive, no program ran; events
 * written before monitors existed carry none, which means the same, so the field needed no new revision).
 */
@EventRevision("1")
public record ArtifactDownloaded(String artifactId, ArtifactType type, String name, String packageDigest,
                                 long bytes, Actor actor, Instant at, String aspect, String version,
                                 MonitorVerdict monitor) {

    public static final String FULL = "full";

    public ArtifactDownloaded {
        aspect = aspect == null ? FULL : aspect;
    }

    public ArtifactDownloaded(String artifactId, ArtifactType type, String name, String packageDigest, long bytes,
                              Actor actor, Instant at) {
        this(artifactId, type, name, packageDigest, bytes, actor, at, FULL, null);
    }

    public ArtifactDownloaded(String artifactId, ArtifactType type, String name, String packageDigest, long bytes,
                              Actor actor, Instant at, String aspect) {
        this(artifactId, type, name, packageDigest, bytes, actor, at, aspect, null);
    }

    public ArtifactDownloaded(String artifactId, ArtifactType type, String name, String packageDigest, long bytes,
                              Actor actor, Instant at, String aspect, String version) {
        this(artifactId, type, name, packageDigest, bytes, actor, at, aspect, version, null);
    }
}
