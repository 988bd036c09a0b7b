package io.modelregistry.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-facing headers every answer carries, the web UI's and the API's alike, before any other filter runs
 * (so a refusal by the token filter carries them too):
 * <ul>
 *   <li>{@code Content-Security-Policy}: the UI's policy, which its {@code <meta>} tag also states, plus
 *       {@code frame-ancestors 'none'}, which a {@code <meta>} policy cannot express: no other site may frame the
 *       UI and trick an administrator into clicking its reset or delete buttons (clickjacking);</li>
 *   <li>{@code X-Frame-Options: DENY}, the same for browsers that predate {@code frame-ancestors};</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser takes a JSON answer or a zip for what its type says,
 *       never for HTML it guessed from the bytes (names, cards and zips are written by strangers);</li>
 *   <li>{@code Referrer-Policy: no-referrer}: no page address (nor a signed download link in one) leaves in a
 *       {@code Referer} header;</li>
 *   <li>{@code Cache-Control: no-store} on everything but the UI's static files, unless the handler set its own:
 *       answers carry tokens, signed download links and private metadata that no shared or browser cache may
 *       keep;</li>
 *   <li>{@code Strict-Transport-Security} on answers to requests that came over TLS (directly, or through a balancer
 *       whose forwarded headers the node honours): a browser that once reached the registry over https never again
 *       sends a token over plain http to it.</li>
 * </ul>
 * A handler that {@linkplain HttpServletResponse#reset() resets} its response (a download refused before its first
 * byte) gets the headers back at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean staticFile = isStaticFile(request);
        HeaderKeepingResponse wrapped = new HeaderKeepingResponse(response, staticFile, request.isSecure());
        wrapped.apply();
        chain.doFilter(request, wrapped);
    }

    /** Errors and async dispatches pass through here again: their answers need the headers as much. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean isStaticFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/ui/") || path.equals("/favicon.ico");
    }

    private static final class HeaderKeepingResponse extends HttpServletResponseWrapper {

        private final boolean staticFile;
        private final boolean secure;

        HeaderKeepingResponse(HttpServletResponse response, boolean staticFile, boolean secure) {
            super(response);
            this.staticFile = staticFile;
            this.secure = secure;
        }

        void apply() {
            applyTo((HttpServletResponse) getResponse(), secure, staticFile);
        }

        @Override
        public void reset() {
            super.reset();
            apply();
        }
    }

    /** The headers themselves; also written by {@link ContainerErrorReportValve}, which runs where no filter does. */
    static void applyTo(HttpServletResponse response, boolean secure, boolean staticFile) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!staticFile && !response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
