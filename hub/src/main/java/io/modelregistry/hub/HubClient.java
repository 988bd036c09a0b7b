package io.modelregistry.hub;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs from a configured {@link HubEndpoint} and nowhere else. Every exchange is bounded: 5 s to connect,
 * the request timeout until the headers and the same again for the body, and a byte limit on the body. Redirects
 * are followed by hand, at most {@value #MAX_REDIRECTS}, and only while the target stays below
 * the same endpoint (HF's legacy ids answer 307 to their canonical repo); anything else is returned as is.
 * Transport failures become {@code UPSTREAM_UNAVAILABLE}. Neither tokens nor headers are ever logged.
 */
public final class HubClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_REDIRECTS = 3;

    private static final Logger log = LoggerFactory.getLogger(HubClient.class);
    private static final String USER_AGENT = "trustworthy-model-registry/0.1 (ingest)";

    private final HttpClient http;
    private final Duration requestTimeout;

    public HubClient(HttpClient http, Duration requestTimeout) {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive");
        }
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    public static HubClient create(Duration requestTimeout) {
        return new HubClient(newHttpClient(ProxySelector.getDefault()), requestTimeout);
    }

    /** A client that gives up connecting after {@code connectTimeout} and waits {@code requestTimeout} per exchange. */
    public static HubClient create(Duration connectTimeout, Duration requestTimeout) {
        return new HubClient(newHttpClient(ProxySelector.getDefault(), connectTimeout), requestTimeout);
    }

    /** The same client (connections, proxies) with a shorter time per exchange, for a caller near its own deadline. */
    public HubClient withRequestTimeout(Duration timeout) {
        return timeout.compareTo(requestTimeout) >= 0 ? this : new HubClient(http, timeout);
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The client ingest uses: no automatic redirects, bounded connect; proxies as the JVM is configured. */
    public static HttpClient newHttpClient(ProxySelector proxies) {
        return newHttpClient(proxies, CONNECT_TIMEOUT);
    }

    private static HttpClient newHttpClient(ProxySelector proxies, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxies != null) {
            builder.proxy(proxies);
        }
        return builder.build();
    }

    /**
     * @param pathAndQuery below the endpoint's base, starting with '/', already percent-encoded
     * @param maxBytes     the body is read up to this many bytes; {@link HubResponse#truncated()} tells if cut
     */
    public HubResponse get(HubEndpoint endpoint, String pathAndQuery, String accept, int maxBytes) {
        URI uri = endpoint.resolve(pathAndQuery);
        for (int redirects = 0; ; redirects++) {
            HubResponse response = send(endpoint, uri, accept, maxBytes);
            if (!response.redirect() || redirects >= MAX_REDIRECTS) {
                return response;
            }
            Optional<URI> next = response.header("Location").flatMap(location -> resolve(response.uri(), location));
            if (next.isEmpty() || !endpoint.contains(next.get())) {
                return response; // off-endpoint (e.g. an LFS CDN): the caller decides what a 3xx means
            }
            uri = next.get();
        }
    }

    /** Reads a streamed body; sees only a 2xx answer. */
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * GETs a file too large to hold in memory and hands its body to {@code reader} as a stream. The answer's
     * headers must come within the request timeout; the whole body within {@code budget}, after which the stream
     * is closed under the reader (which then fails), so a server that stalls mid-body cannot hold an ingest.
     * Redirects below the endpoint are followed as in {@link #get}; one off the endpoint is followed only to an
     * {@code https} URL and without the endpoint's credentials: that is how the hub hands LFS files to its CDN, and
     * the caller verifies the bytes against the hub's listing, so where they come from cannot change what is
     * stored. A non-2xx answer is returned as its status, with no body read.
     */
    public <T> Streamed<T> stream(HubEndpoint endpoint, String pathAndQuery, Duration budget, BodyReader<T> reader) {
        URI uri = endpoint.resolve(pathAndQuery);
        for (int redirects = 0; ; redirects++) {
            boolean onEndpoint = endpoint.contains(uri);
            if (!onEndpoint && !"https".equals(uri.getScheme())) {
                throw new IllegalStateException("refusing to fetch outside the configured " + endpoint.name()
                        + " endpoint over plain http");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout)
                    .header("Accept", "*/*").header("User-Agent", USER_AGENT);
            if (onEndpoint) {
                endpoint.authorization().ifPresent(value -> request.header("Authorization", value));
            }
            CompletableFuture<HttpResponse<InputStream>> exchange =
                    http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> response;
            try {
                response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                exchange.cancel(true);
                throw unavailable(endpoint, uri, "did not answer within " + requestTimeout.toSeconds() + " s", e);
            } catch (ExecutionException e) {
                throw unavailable(endpoint, uri, "broke off the connection", e.getCause());
            } catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                throw unavailable(endpoint, uri, "request was interrupted", e);
            }
            int status = response.statusCode();
            HubReachability.answered(endpoint.name());
            InputStream body = response.body();
            if (status >= 300 && status < 400 && redirects < MAX_REDIRECTS) {
                closeQuietly(body);
                URI from = uri;
                Optional<URI> next = response.headers().firstValue("Location").flatMap(l -> resolve(from, l));
                if (next.isPresent() && (endpoint.contains(next.get()) || "https".equals(next.get().getScheme()))) {
                    uri = next.get();
                    continue;
                }
                return new Streamed<>(status, null);
            }
            if (status < 200 || status >= 300) {
                closeQuietly(body);
                return new Streamed<>(status, null);
            }
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(body), budget.toMillis(),
                    TimeUnit.MILLISECONDS);
            try (body) {
                return new Streamed<>(status, reader.read(body));
            } catch (IOException e) {
                throw unavailable(endpoint, uri, watchdog.isDone() ? "took longer than " + budget.toSeconds()
                        + " s to send a file" : "broke off the connection", e);
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    /** @param value what the reader made of a 2xx body, else null */
    public record Streamed<T>(int status, T value) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hub-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing only frees the connection; nothing to report
        }
    }

    private static Optional<URI> resolve(URI base, String location) {
        try {
            return Optional.of(base.resolve(location.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private HubResponse send(HubEndpoint endpoint, URI uri, String accept, int maxBytes) {
        if (!endpoint.contains(uri)) {
            throw new IllegalStateException("refusing to fetch outside the configured " + endpoint.name() + " endpoint");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(requestTimeout)
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT);
        endpoint.authorization().ifPresent(value -> request.header("Authorization", value));
        CompletableFuture<Void> headers = new CompletableFuture<>();
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> exchange =
                http.sendAsync(request.build(), info -> {
                    headers.complete(null);
                    return new BoundedBodySubscriber(maxBytes);
                });
        try {
            // until the headers the request's own timeout governs (from when it is sent, not from when a cold
            // client starts up); this outer bound only guards against a client that never reports back
            CompletableFuture.anyOf(headers, exchange)
                    .get(CONNECT_TIMEOUT.plus(requestTimeout).multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            // then the body gets the request timeout again: an upstream that trickles bytes is cut off
            HttpResponse<BoundedBodySubscriber.Body> response =
                    exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            BoundedBodySubscriber.Body body = response.body();
            HubReachability.answered(endpoint.name());
            return new HubResponse(response.statusCode(), response.headers(), body.bytes(), body.truncated(), uri);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw unavailable(endpoint, uri, "did not answer within " + (requestTimeout.toMillis() < 1000
                    ? requestTimeout.toMillis() + " ms" : requestTimeout.toSeconds() + " s"), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw unavailable(endpoint, uri, "did not answer in time", cause);
            }
            if (cause instanceof ConnectException) {
                throw unavailable(endpoint, uri, "is unreachable", cause);
            }
            if (cause instanceof IOException) {
                throw unavailable(endpoint, uri, "broke off the connection", cause);
            }
            throw unavailable(endpoint, uri, "could not be asked", cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw unavailable(endpoint, uri, "request was interrupted", e);
        }
    }

    private static RegistryException unavailable(HubEndpoint endpoint, URI uri, String what, Throwable cause) {
        // the URI has no secrets (tokens travel in a header); the client-facing message names only the service
        log.warn("{} {}: GET {} ({})", endpoint.name(), what, uri, cause.getClass().getSimpleName());
        HubReachability.failed(endpoint.name(), what);
        return ErrorMessage.HUB_UNREACHABLE.exceptionCausedBy(cause, endpoint.name(), what);
    }
}
