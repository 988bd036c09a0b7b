package io.modelregistry.api.group;

import java.time.Instant;

/** Begin an empty group transaction for {@code owner}; refused (429) when they already hold {@code maxOpen}. */
public record BeginGroup(String groupId, String owner, Instant expiresAt, int maxOpen) {
}
