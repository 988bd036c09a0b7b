package io.modelregistry.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.ErrorMessage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body (JSON bodies here are a URL, a query list or a pattern): a declared length over
 * the limit is refused with 413 before anything is read, and an undeclared (chunked) body stops being read
 * at the limit, so no request can make the server buffer unbounded input.
 *
 * <p>The upload endpoints ({@code POST /artifact/{type}/upload}, {@code POST /artifacts/{type}/{id}/versions}) are
 * the exception: their body is a zip of up to {@code registry.upload.max-upload-bytes}, streamed to a spool file
 * and bounded there by the upload feature itself, never held in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    private static final Pattern UPLOAD_PATHS =
            Pattern.compile("/artifact/[^/]+/upload|/artifacts/[^/]+/[^/]+/versions");

    RequestSizeLimitFilter(HttpProperties properties, ObjectMapper json) {
        this.maxBytes = properties.http().maxBodyBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            var error = ApiErrors.body(ErrorMessage.REQUEST_BODY_TOO_LARGE, maxBytes);
            response.setStatus(error.getStatusCode().value());
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), error.getBody());
            return;
        }
        chain.doFilter(new BoundedRequest(request, maxBytes), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && UPLOAD_PATHS.matcher(
                request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    /**
     * Why reading a body stopped: it passed the limit without declaring its length (chunked). The JSON reader
     * wraps it; {@link ApiExceptionHandler} finds it in the cause chain and answers 413, exactly as a declared
     * length over the limit gets, and not 400 "not valid JSON" for a body that may well be valid.
     */
    static final class BodyTooLarge extends IOException {
        final long limit;

        BodyTooLarge(long limit) {
            super("request body exceeds " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** Reads at most {@code limit} bytes; past it, reading fails with {@link BodyTooLarge} (413). */
    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream bounded;

        BoundedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                ServletInputStream in = super.getInputStream();
                bounded = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, (int) Math.min(len, limit - read + 1));
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return bounded;
        }
    }
}
