package io.modelregistry.api.group;

import java.time.Instant;
import java.util.List;

/**
 * What a group transaction is now: {@code status} is open, expired, committed or failed; a failure keeps its
 * {@code failureKind} and {@code failureMessage}.
 */
public record GroupState(String groupId, String owner, String status, Instant expiresAt,
                         List<StagedCommand> commands, String failureKind, String failureMessage) {

    public static final String OPEN = "open";
    public static final String EXPIRED = "expired";
    public static final String COMMITTED = "committed";
    public static final String FAILED = "failed";

    public GroupState {
        commands = List.copyOf(commands);
    }
}
