package io.modelregistry.api.artifact;

/** Who did something: the authenticated user's name and whether they were an admin at the time. */
public record Actor(String username, boolean admin) {
}
