package io.modelregistry.api.group;

/** Read {@code owner}'s group transaction (appends nothing). */
public record DescribeGroup(String groupId, String owner) {
}
