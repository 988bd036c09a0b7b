package io.modelregistry.api.group;

/** Keep the refusal of an execution, so that executing again answers it. */
public record RecordGroupFailure(String groupId, String owner, String kind, String message) {
}
