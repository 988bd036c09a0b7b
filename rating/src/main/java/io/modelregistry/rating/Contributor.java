package io.modelregistry.rating;

/** Someone who committed to a repository, and how many commits. */
record Contributor(String login, long commits) {
}
