package io.modelregistry.api.group;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/** On the owner's stream: a group transaction of theirs is open until executed or {@code expiresAt}. */
@EventRevision("1")
public record GroupOpened(String owner, String groupId, Instant expiresAt) {
}
