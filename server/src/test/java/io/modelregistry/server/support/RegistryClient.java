package io.modelregistry.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A small client for the registry's REST API as the automated client uses it: JSON in, JSON out, the token
 * in {@code X-Authorization}. Every exchange is handed to an observer (the contract validator).
 */
public final class RegistryClient {

    public static final String ADMIN = "ece30861defaultadminuser";
    public static final String ADMIN_PASSWORD = "correcthorsebatterystaple123(!__+@**(A'\"`;DROP TABLE artifacts;";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Consumer<HttpExchange> observer;
    private String token;

    public RegistryClient(String baseUrl, Consumer<HttpExchange> observer) {
        this.baseUrl = baseUrl;
        this.observer = observer;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    public void useToken(String token) {
        this.token = token;
    }

    public HttpExchange login(String user, String password) {
        var body = JSON.createObjectNode();
        body.putObject("user").put("name", user).put("is_admin", true);
        body.putObject("secret").put("password", password);
        HttpExchange exchange = send("PUT", "/authenticate", null, body.toString(), false);
        if (exchange.status() == 200) {
            token = json(exchange).asText();
        }
        return exchange;
    }

    public HttpExchange loginAsAdmin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    public HttpExchange get(String path) {
        return send("GET", path, null, null, true);
    }

    public HttpExchange get(String path, String query) {
        return send("GET", path, query, null, true);
    }

    public HttpExchange post(String path, String body) {
        return send("POST", path, null, body, true);
    }

    public HttpExchange post(String path, String query, String body) {
        return send("POST", path, query, body, true);
    }

    public HttpExchange put(String path, String body) {
        return send("PUT", path, null, body, true);
    }

    public HttpExchange delete(String path) {
        return send("DELETE", path, null, null, true);
    }

    public HttpExchange anonymous(String method, String path, String body) {
        return send(method, path, null, body, false);
    }

    /** Fetches an absolute URL (e.g. a download link) without any token, as the automated client does. */
    public HttpExchange fetchAbsolute(String url) {
        URI uri = URI.create(url);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HttpExchange("GET", uri.getRawPath(), uri.getRawQuery(), null, null, response.statusCode(),
                    response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpExchange send(String method, String path, String query, String body, boolean withToken) {
        String url = baseUrl + path + (query == null ? "" : "?" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withToken && token != null) {
            request.header("X-Authorization", token);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpExchange exchange = new HttpExchange(method, path, query, body, withToken ? token : null,
                    response.statusCode(), response.headers(), response.body());
            observer.accept(exchange);
            return exchange;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends bytes of a given type with the token and answers the raw response: for bodies that are not JSON (a
     * monitor program, a zip); the exchange is not observed, as it has no JSON to check against the contract.
     */
    public HttpResponse<byte[]> sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).header("X-Authorization", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpExchange exchange) {
        try {
            return JSON.readTree(exchange.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + exchange.status() + "): " + exchange.text(), e);
        }
    }

    public static String ingestBody(String url) {
        return JSON.createObjectNode().put("url", url).toString();
    }

    public static String ingestBody(String url, String name) {
        return JSON.createObjectNode().put("url", url).put("name", name).toString();
    }
}
