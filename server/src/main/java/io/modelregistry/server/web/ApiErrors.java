package io.modelregistry.server.web;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.ProducedErrors;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.error.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The one mapping from domain error kinds to HTTP status codes and the JSON error body. */
public final class ApiErrors {

    /** The request attribute holding the error answer built for the request, for {@link RegistryErrorController}. */
    private static final String ANSWERED = ApiErrors.class.getName() + ".answered";

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
            case RANGE_NOT_SATISFIABLE -> HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case REQUEST_TIMEOUT -> HttpStatus.REQUEST_TIMEOUT;
            case LENGTH_REQUIRED -> HttpStatus.LENGTH_REQUIRED;
            case URI_TOO_LONG -> HttpStatus.URI_TOO_LONG;
            case EXPECTATION_FAILED -> HttpStatus.EXPECTATION_FAILED;
            case HEADERS_TOO_LARGE -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case NOT_IMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            case HTTP_VERSION_NOT_SUPPORTED -> HttpStatus.HTTP_VERSION_NOT_SUPPORTED;
        };
    }

    /** The answer with {@code message}'s text, at the status of its kind. */
    public static ResponseEntity<Map<String, Object>> body(ErrorMessage message, Object... args) {
        return body(status(message.kind()), message, message.render(args));
    }

    /**
     * The JSON error body; every error answer of the registry is built here (or, for the servlet container's own
     * refusals, in {@link ContainerErrorReportValve}), which is where the id of its message is recorded.
     */
    static ResponseEntity<Map<String, Object>> body(HttpStatus status, ErrorMessage message, String text) {
        ProducedErrors.record(message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", text);
        ResponseEntity<Map<String, Object>> answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(body);
        // kept on the request: should the container discard the answer and forward to its error page (a body that
        // could not be read), that page answers this rather than a message-less error
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ANSWERED, answer, RequestAttributes.SCOPE_REQUEST);
        }
        return answer;
    }

    /** The error answer built for {@code request}, or null. */
    @SuppressWarnings("unchecked")
    static ResponseEntity<Map<String, Object>> answered(HttpServletRequest request) {
        return request.getAttribute(ANSWERED) instanceof ResponseEntity<?> answer
                ? (ResponseEntity<Map<String, Object>>) answer : null;
    }

    public static ResponseEntity<Map<String, Object>> of(RegistryException e) {
        var response = body(status(e.kind()), e.errorMessage(), e.getMessage());
        if (e instanceof TooManyRequests retry) {
            return ResponseEntity.status(response.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retry.retryAfterSeconds())).body(response.getBody());
        }
        return response;
    }
}
