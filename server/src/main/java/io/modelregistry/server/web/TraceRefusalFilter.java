package io.modelregistry.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code TRACE} with the registry's JSON 405. Tomcat's own refusal (its connector's {@code allowTrace=false})
 * happens before the request is mapped to the host, so no error valve writes it: an empty 405. The connector
 * therefore lets TRACE through ({@link ContainerErrors}) and this filter, right after the security headers, refuses
 * it: it never reaches the servlet, whose default TRACE echoes the request, its token header included (cross-site
 * tracing).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TraceRefusalFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    TraceRefusalFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"TRACE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        var error = ApiErrors.body(ErrorMessage.REQUEST_TRACE_NOT_ALLOWED);
        response.setStatus(error.getStatusCode().value());
        response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), error.getBody());
    }
}
