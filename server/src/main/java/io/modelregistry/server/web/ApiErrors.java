package io.modelregistry.server.web;

import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.error.TooManyRequests;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The one mapping from domain error kinds to HTTP status codes and the JSON error body. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static HttpStatus status(Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            // The contract: a missing or invalid token is 403; bad credentials or no permission is 401.
            case INVALID_TOKEN -> HttpStatus.FORBIDDEN;
            // A policy's refusal (a sensitive model's monitor): understood, valid, and not to be repeated as is.
            case REFUSED -> HttpStatus.FORBIDDEN;
            case INVALID_CREDENTIALS, NOT_PERMITTED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case FAILED_DEPENDENCY -> HttpStatus.FAILED_DEPENDENCY;
            case UPSTREAM_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    public static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    public static ResponseEntity<Map<String, Object>> of(RegistryException e) {
        var response = body(status(e.kind()), e.getMessage());
        if (e instanceof TooManyRequests retry) {
            return ResponseEntity.status(response.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retry.retryAfterSeconds())).body(response.getBody());
        }
        return response;
    }
}
