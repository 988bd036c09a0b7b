package io.modelregistry.api.rest;

/** Where the launcher's authentication filter leaves the authenticated {@code Actor} on each request. */
public final class RequestActor {

    public static final String ATTRIBUTE = "io.modelregistry.actor";
    public static final String TOKEN_HEADER = "X-Authorization";

    private RequestActor() {
    }
}
