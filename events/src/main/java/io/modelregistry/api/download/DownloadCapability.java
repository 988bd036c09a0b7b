package io.modelregistry.api.download;

import java.time.Instant;

/**
 * What a signed download link grants: one user may fetch one stored package of one artifact until
 * {@code expiresAt}. The link is a capability: the download endpoint needs no other credential.
 */
public record DownloadCapability(String artifactId, String packageDigest, String username, boolean admin,
                                 Instant expiresAt) {
}
