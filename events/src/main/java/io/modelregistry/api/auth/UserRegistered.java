package io.modelregistry.api.auth;

import io.modelregistry.api.evolution.EventRevision;
import java.time.Instant;
import java.util.Set;

/**
 * A user account was created (or restored, for the default admin). Revision 2 carries no credential at all: the
 * password's hash lives only in the credential store beside the log, deleted with the user, so the log that is
 * kept forever never holds a verifier that could be attacked offline. Revision 1 carried the hash (dropped on
 * read by an upcaster, and redacted from stored rows at start). {@code permissions} was added later as an optional
 * field: an event without it was written when every user could do everything, so it reads as every permission.
 */
@EventRevision("2")
public record UserRegistered(String username, boolean admin, Instant at, Set<Permission> permissions) {

    public UserRegistered {
        permissions = permissions == null ? Permission.all() : Set.copyOf(permissions);
    }
}
