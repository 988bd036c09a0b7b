package io.modelregistry.server.web;

import io.modelregistry.api.error.ErrorMessage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to, in place of Spring Boot's (whose body has no message). The
 * container forwards here when it has put a request in error itself: Tomcat calls {@code sendError(400)} when a
 * request body cannot be read (cut short, or chunked wrongly), which discards whatever the registry answered, and
 * answers 408 when a body stops arriving; and when something outside the handlers set an error status. The answer
 * is the one the registry had built for this request, if it built one at the same status (the upload's "could not
 * be read to its end"), else the catalogue's message for the status, the same ones
 * {@link ContainerErrorReportValve} answers with: the same JSON {@code {status, error, message}} as every other
 * error.
 */
@RestController
class RegistryErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            // reached without an error (a client asking for /error), or with a status HTTP does not name
            status = code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ResponseEntity<Map<String, Object>> answered = ApiErrors.answered(request);
        if (answered != null && answered.getStatusCode().value() == status.value()) {
            return answered;
        }
        ErrorMessage message = ContainerErrorReportValve.message(status.value());
        return ApiErrors.body(status, message, message.render());
    }
}
