package io.modelregistry.server.support;

import java.net.http.HttpHeaders;

/** One request and its response, kept whole so the contract validator can check both sides. */
public record HttpExchange(String method, String path, String query, String requestBody, String token,
                           int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
