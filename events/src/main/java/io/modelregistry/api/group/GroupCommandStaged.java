package io.modelregistry.api.group;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;

/** A validated command was appended to an open group transaction, at position {@code index} (from 0). */
@EventRevision("1")
public record GroupCommandStaged(String groupId, int index, StagedCommand command, Instant at) {
}
