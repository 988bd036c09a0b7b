package io.modelregistry.api.group;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;
import java.util.List;

/**
 * The commit marker of an executed group transaction, appended last in the same atomic append as its members (the
 * artifact events it names). Read models apply the members when they reach this event, all in one step, and skip
 * the members where they stand in the log (they carry {@link GroupMetadata#GROUP}): so a reader of any one read
 * model sees all of a group or none of it. Members are named by reference (aggregate and sequence range), not
 * copied, so they keep their identifiers and their upcasters, and this event stays small.
 */
@EventRevision("1")
public record GroupCommitted(String groupId, String owner, List<GroupMember> members, Instant at) {

    public GroupCommitted {
        members = List.copyOf(members);
    }
}
