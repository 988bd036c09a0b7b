package io.modelregistry.api.group;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/** The group transaction's commands all took effect, in the same append as their events and the commit marker. */
@EventRevision("1")
public record GroupExecuted(String groupId, Instant at) {
}
