package io.modelregistry.api.group;

/** The metadata key that marks every event appended by a group's execution (its value is the group id). */
public final class GroupMetadata {

    public static final String GROUP = "registryGroup";

    private GroupMetadata() {
    }
}
