package io.modelregistry.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.command.auth.AuthenticationService;
import io.modelregistry.server.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires a valid {@code X-Authorization} token on every endpoint the contract marks with it (all artifact
 * endpoints and reset). Open: health, tracks, authenticate, the signed download links, and the UI's files.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final AuthenticationService auth;
    private final ObjectMapper json;

    TokenAuthenticationFilter(AuthenticationService auth, ObjectMapper json) {
        this.auth = auth;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/artifacts") || path.startsWith("/artifact/") || path.equals("/artifact")
                || path.equals("/reset"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(RequestActor.TOKEN_HEADER);
        if (header == null) {
            header = request.getHeader("Authorization");
        }
        var actor = auth.authenticate(header);
        if (actor.isEmpty()) {
            var error = ApiErrors.of(new RegistryException(RegistryException.Kind.INVALID_TOKEN,
                    "Authentication failed: the X-Authorization token is missing, invalid, expired or used up."));
            response.setStatus(error.getStatusCode().value());
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), error.getBody());
            return;
        }
        request.setAttribute(RequestActor.ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }
}
