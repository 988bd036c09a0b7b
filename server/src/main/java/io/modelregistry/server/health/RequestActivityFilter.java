package io.modelregistry.server.health;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/** Feeds {@link RequestActivity}: the matched route pattern (not the raw path, which is unbounded). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestActivityFilter extends OncePerRequestFilter {

    private final RequestActivity activity;

    RequestActivityFilter(RequestActivity activity) {
        this.activity = activity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = request.getMethod() + " " + (pattern == null ? "(unmatched)" : pattern);
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String type = null;
            if (variables instanceof Map<?, ?> map && map.get("artifact_type") instanceof String t
                    && (t.equals("model") || t.equals("dataset") || t.equals("code"))) {
                type = t;
            }
            activity.record(route, type, response.getStatus(), request.getRemoteAddr(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
