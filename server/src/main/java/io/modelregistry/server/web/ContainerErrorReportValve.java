package io.modelregistry.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.ProducedErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Takes the place of Tomcat's HTML error page: what the container refuses on its own, before any filter or
 * controller sees the request (an encoded {@code /} or NUL in the path, invalid UTF-8, a path that climbs out with
 * {@code ..}, a request line or headers over the size limit, control characters in a header, a refused method),
 * leaves as the same JSON {@code {status, error, message}} every other error of the registry has, with the
 * security headers a browser needs. A client reading errors as JSON never meets an HTML page it cannot parse, and
 * the answer names neither Tomcat nor its version.
 *
 * <p>The messages are ours, by status, never Tomcat's text nor an exception's: they say what to fix without
 * echoing the request back.
 */
public class ContainerErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorReportValve.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public ContainerErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // what the application already answered (its own JSON errors) is left alone
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", known == null ? "Error" : known.getReasonPhrase());
        ErrorMessage message = message(status);
        ProducedErrors.record(message);
        body.put("message", message.render());
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            response.resetBuffer();
            SecurityHeadersFilter.applyTo(response, request.isSecure(), false);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(bytes.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the answer was already committed: nothing left to tell it
            log.debug("Could not write the container's error answer", e);
        }
    }

    static ErrorMessage message(int status) {
        return switch (status) {
            case 400 -> ErrorMessage.CONTAINER_MALFORMED_REQUEST;
            case 404 -> ErrorMessage.REQUEST_NO_SUCH_ENDPOINT;
            case 405 -> ErrorMessage.CONTAINER_METHOD_NOT_ALLOWED;
            case 408 -> ErrorMessage.CONTAINER_REQUEST_TIMEOUT;
            case 411 -> ErrorMessage.CONTAINER_LENGTH_REQUIRED;
            case 413 -> ErrorMessage.CONTAINER_BODY_TOO_LARGE;
            case 414 -> ErrorMessage.CONTAINER_URI_TOO_LONG;
            case 417 -> ErrorMessage.CONTAINER_EXPECTATION_FAILED;
            case 431 -> ErrorMessage.CONTAINER_HEADERS_TOO_LARGE;
            case 501 -> ErrorMessage.CONTAINER_NOT_IMPLEMENTED;
            case 505 -> ErrorMessage.CONTAINER_HTTP_VERSION;
            default -> status >= 500 ? ErrorMessage.REGISTRY_FAILED : ErrorMessage.CONTAINER_REFUSED;
        };
    }
}
