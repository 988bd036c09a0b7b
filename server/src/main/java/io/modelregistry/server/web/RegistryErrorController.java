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
 * Takes the place of Spring Boot's {@code /error} page, to which the container forwards a request that ended in an
 * error inside the application without an answer of the registry's own: a body that stopped arriving (408, from the
 * container's read of it), an exception a filter let escape (500). Spring's page would answer its own JSON
 * ({@code timestamp}, {@code path}, no {@code message}); this answers the registry's {@code {status, error, message}}
 * with the catalogue entry of the status, the same ones {@link ContainerErrorReportValve} answers with.
 */
@RestController
class RegistryErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            // reached without an error (a client asking for /error), or with a status HTTP does not name
            status = code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ErrorMessage message = ContainerErrorReportValve.message(status.value());
        return ApiErrors.body(status, message, message.render());
    }
}
