package io.modelregistry.api.group;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/** A user began an (empty) group transaction that expires, unexecuted, at {@code expiresAt}. */
@EventRevision("1")
public record GroupBegun(String groupId, String owner, Instant expiresAt, Instant at) {
}
