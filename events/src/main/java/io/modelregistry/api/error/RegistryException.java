package io.modelregistry.api.error;

/**
 * A domain error with the kind of failure it is; one place in the launcher maps kinds to HTTP status codes.
 * Messages are shown to the client, so they must say what was wrong without leaking internals.
 */
public class RegistryException extends RuntimeException {

    /**
     * Kinds named by what went wrong. Note the contract's own convention for the two auth failures:
     * a missing or invalid token is 403, while wrong credentials or a missing permission is 401.
     */
    public enum Kind {
        BAD_REQUEST, INVALID_TOKEN, INVALID_CREDENTIALS, NOT_PERMITTED, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE,
        FAILED_DEPENDENCY, UPSTREAM_UNAVAILABLE, INTERNAL,
        /** Refused for now (e.g. login back-off); {@link TooManyRequests} says after how long to retry. */
        TOO_MANY_REQUESTS,
        /**
         * A valid request the registry's policy refuses, which no other credential or retry changes (a sensitive
         * model's monitor program said no): 403, with the reason in the message.
         */
        REFUSED,
        /** The registry cannot answer yet (e.g. its read models are behind the event log); retrying later helps. */
        UNAVAILABLE
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RegistryException badRequest(String message) {
        return new RegistryException(Kind.BAD_REQUEST, message);
    }

    public static RegistryException notFound(String message) {
        return new RegistryException(Kind.NOT_FOUND, message);
    }

    public static RegistryException conflict(String message) {
        return new RegistryException(Kind.CONFLICT, message);
    }
}
