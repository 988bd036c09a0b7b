package io.modelregistry.api.error;

/**
 * A domain error with the kind of failure it is; one place in the launcher maps kinds to HTTP status codes.
 * Messages are shown to the client, so they must say what was wrong without leaking internals: every one is an
 * entry of the {@link ErrorMessage} catalogue, whose id the exception carries.
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
        UNAVAILABLE,
        /** A byte range outside what is there (416). */
        RANGE_NOT_SATISFIABLE,
        /**
         * Refusals of the request's form that the web layer or the servlet container answers before any handler:
         * the method, the media type it accepts, and the container's own limits.
         */
        METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, REQUEST_TIMEOUT, LENGTH_REQUIRED, URI_TOO_LONG, EXPECTATION_FAILED,
        HEADERS_TOO_LARGE, NOT_IMPLEMENTED, HTTP_VERSION_NOT_SUPPORTED
    }

    private final Kind kind;
    private final ErrorMessage message;

    RegistryException(ErrorMessage message, Throwable cause, Object... args) {
        this(message.kind(), message, cause, args);
    }

    /**
     * For a refusal that takes the kind of another one it reports (a group's command refused inside an execution
     * answers that command's status).
     */
    protected RegistryException(Kind kind, ErrorMessage message, Throwable cause, Object... args) {
        super(message.render(args), cause);
        this.kind = kind;
        this.message = message;
    }

    /** The same refusal, thrown again from here (its id, kind and text). */
    public RegistryException(RegistryException original) {
        super(original.getMessage());
        this.kind = original.kind;
        this.message = original.message;
    }

    public Kind kind() {
        return kind;
    }

    /** The catalogue's entry this exception's message was rendered from. */
    public ErrorMessage errorMessage() {
        return message;
    }

    /** The stable id of the message, e.g. {@code artifact.no-artifact-with-id}. */
    public String id() {
        return message.id();
    }
}
