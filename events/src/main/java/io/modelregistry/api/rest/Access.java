package io.modelregistry.api.rest;

import io.modelregistry.api.auth.Permission;
import java.util.Set;

/**
 * What a request handler requires of its caller, declared with {@link Requires}. The launcher refuses a request
 * before its handler runs unless the caller's token grants it; a handler that declares nothing is refused too.
 */
public enum Access {
    /** No token at all: health, tracks, authenticate, and the signed download links (the link is the capability). */
    PUBLIC(null, false),
    /** Any valid token; the handler may check more itself (e.g. "yourself, or an administrator"). */
    AUTHENTICATED(null, false),
    UPLOAD(Permission.UPLOAD, false),
    SEARCH(Permission.SEARCH, false),
    DOWNLOAD(Permission.DOWNLOAD, false),
    /** The admin flag (user management, reset, blob sweep, logs). */
    ADMIN(null, true);

    private final Permission permission;
    private final boolean admin;

    Access(Permission permission, boolean admin) {
        this.permission = permission;
        this.admin = admin;
    }

    /** Whether an authenticated caller with this admin flag and these permissions may pass. */
    public boolean allows(boolean callerIsAdmin, Set<Permission> callerPermissions) {
        if (admin) {
            return callerIsAdmin;
        }
        return permission == null || callerPermissions.contains(permission);
    }

    /** For a refusal's message: what the caller lacks. */
    public String describe() {
        if (admin) {
            return "an administrator";
        }
        return permission == null ? "a valid token" : "the '" + permission.wireName() + "' permission";
    }
}
