package io.modelregistry.api.group;

import io.modelregistry.api.evolution.EventRevision;

/** On the owner's stream: a group transaction of theirs was executed (or refused) and no longer counts as open. */
@EventRevision("1")
public record GroupClosed(String owner, String groupId) {
}
