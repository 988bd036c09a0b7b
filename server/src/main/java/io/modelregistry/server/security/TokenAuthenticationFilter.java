package io.modelregistry.server.security;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ProducedErrors;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.command.auth.AuthenticationService;
import io.modelregistry.server.web.ApiErrors;
import io.modelregistry.server.web.FailedComponent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires a valid {@code X-Authorization} token on every endpoint the contract marks with it (all artifact
 * endpoints and reset) and on every extension endpoint. Open: health, tracks, authenticate, the signed
 * download links, and the UI's static files. What each endpoint needs beyond a valid token is checked next, by
 * {@link PermissionInterceptor}, from the handler's {@code @Requires}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TokenAuthenticationFilter.class);

    private static final Set<String> OPEN_PATHS = Set.of("/health", "/health/components", "/health/activity",
            "/tracks", "/authenticate", "/", "/index.html", "/favicon.ico", "/error");

    private final AuthenticationService auth;
    private final ObjectMapper json;

    TokenAuthenticationFilter(AuthenticationService auth, ObjectMapper json) {
        this.auth = auth;
        this.json = json;
    }

    /**
     * Secure by default: only these answer without a token. Everything else, including extension endpoints
     * and paths that do not exist, needs one (an unknown path without a token is 403, not 404).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_PATHS.contains(path) || path.startsWith("/download/") || path.startsWith("/ui/");
    }

    private static boolean hubPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/hf/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(RequestActor.TOKEN_HEADER);
        if (header == null) {
            header = request.getHeader("Authorization");
        }
        Optional<io.modelregistry.command.auth.Caller> actor;
        try {
            actor = auth.authenticate(header);
        } catch (RuntimeException e) {
            // the credential store did not answer: say which component, as every other request does
            var component = FailedComponent.of(e).orElseThrow(() -> e);
            log.warn("The {} is unavailable: {}", component.name(), e.toString(), e);
            var answer = FailedComponent.answer(component);
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), answer.getBody());
            return;
        }
        if (actor.isEmpty() && hubPath(request)) {
            // the HuggingFace-compatible API answers as the Hub does to an anonymous caller: 401, "repo not found"
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("X-Error-Code", "RepoNotFound");
            response.setContentType("application/json");
            ProducedErrors.record(ErrorMessage.HF_TOKEN_REQUIRED);
            json.writeValue(response.getOutputStream(),
                    java.util.Map.of("error", ErrorMessage.HF_TOKEN_REQUIRED.render()));
            return;
        }
        if (actor.isEmpty()) {
            var error = ApiErrors.of(ErrorMessage.SECURITY_AUTHENTICATION_FAILED_X_AUTHORIZATION.exception());
            response.setStatus(error.getStatusCode().value());
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), error.getBody());
            return;
        }
        request.setAttribute(RequestActor.ATTRIBUTE, actor.get().actor());
        request.setAttribute(RequestActor.PERMISSIONS, actor.get().permissions());
        chain.doFilter(request, response);
    }
}
