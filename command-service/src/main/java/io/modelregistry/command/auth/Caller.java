package io.modelregistry.command.auth;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.auth.Permission;
import java.util.Set;

/** Who a valid token belongs to, with what the account may do now (read at each request, not when it logged in). */
public record Caller(Actor actor, Set<Permission> permissions) {

    public Caller {
        permissions = Set.copyOf(permissions);
    }
}
