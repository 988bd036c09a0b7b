package io.modelregistry.hub;

import io.modelregistry.api.error.RegistryException;
import java.io.IOException;
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
        return new RegistryException(RegistryException.Kind.UPSTREAM_UNAVAILABLE,
                endpoint.name() + " " + what + "; try again later.", cause);
    }
}
