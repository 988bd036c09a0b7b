package io.modelregistry.api.rest;

/** Where the launcher's authentication filter leaves the authenticated {@code Actor} on each request. */
public final class RequestActor {

    public static final String ATTRIBUTE = "io.modelregistry.actor";
    /** The authenticated caller's permissions, a {@code Set<Permission>} read from its account at this request. */
    public static final String PERMISSIONS = "io.modelregistry.permissions";
    public static final String TOKEN_HEADER = "X-Authorization";

    private RequestActor() {
    }
}
