package io.modelregistry.api.group;

/** Append a validated command to {@code owner}'s open group transaction (at most {@code maxCommands}). */
public record StageGroupCommand(String groupId, String owner, StagedCommand command, int maxCommands) {
}
