package io.modelregistry.api.group;

/** Execute {@code owner}'s group transaction: all of its commands in one atomic append, or none. */
public record ExecuteGroup(String groupId, String owner) {
}
