package io.modelregistry.api.group;

/** The events one aggregate appended in a group: sequence numbers {@code first..last} of its stream. */
public record GroupMember(String aggregateId, long firstSequence, long lastSequence) {
}
