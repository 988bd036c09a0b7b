package io.modelregistry.api.auth;

import java.time.Instant;

/** A user account was created (or restored, for the default admin). Only the password's hash is kept. */
public record UserRegistered(String username, String passwordHash, boolean admin, Instant at) {
}
