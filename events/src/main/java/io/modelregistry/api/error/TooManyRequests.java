package io.modelregistry.api.error;

/** Refused for now, not for good: the client may try again after {@link #retryAfterSeconds()} (HTTP 429). */
public class TooManyRequests extends RegistryException {

    private final long retryAfterSeconds;

    public TooManyRequests(ErrorMessage message, long retryAfterSeconds, Object... args) {
        super(Kind.TOO_MANY_REQUESTS, message, null, args);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
