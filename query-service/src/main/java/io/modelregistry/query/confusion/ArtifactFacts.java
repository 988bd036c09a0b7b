package io.modelregistry.query.confusion;

import java.time.Instant;

/**
 * What the read models know of a registered artifact beyond its name, fetched only for artifacts the name pass put
 * in a candidate pair. {@code traffic} is null when nothing about its downloads looks machine-made.
 */
public record ArtifactFacts(String owner, String uploader, Instant registeredAt, DownloadTraffic traffic) {

    static final ArtifactFacts UNKNOWN = new ArtifactFacts(null, null, null, DownloadTraffic.NONE);
}
