package io.modelregistry.hub;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * An upstream answer with its body read up to a bound. {@code truncated} says the body was longer than the
 * bound and only its first bytes are here; the caller decides whether that is fatal.
 */
public record HubResponse(int status, HttpHeaders headers, byte[] body, boolean truncated, URI uri) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean redirect() {
        return status >= 300 && status < 400;
    }

    /** 5xx or 429: the upstream may well answer next time, so the ingest fails as UPSTREAM_UNAVAILABLE. */
    public boolean transientFailure() {
        return status >= 500 || status == 429;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The hub's machine-readable error code ({@code X-Error-Code}: RepoNotFound, EntryNotFound, GatedRepo...). */
    public Optional<String> errorCode() {
        return header("X-Error-Code");
    }
}
