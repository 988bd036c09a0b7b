package io.modelregistry.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.server.support.RawHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties every answer must have, whatever was sent: no 5xx, an answer within the per-request timeout, a JSON
 * body with a message on every 4xx, and nothing changed by a refused request (the {@linkplain
 * FuzzedRegistry#fingerprint() fingerprint} before and after is the same).
 */
final class FuzzOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FuzzedRegistry registry;

    FuzzOracle(FuzzedRegistry registry) {
        this.registry = registry;
    }

    /** Sends {@code request}; returns what is wrong with the answer (empty: nothing), and the status in {@code seen}. */
    List<String> check(FuzzRequest request, Map<Integer, Integer> seen) {
        registry.prepare();
        request = resolved(request);
        String before = registry.fingerprint();
        RawHttp.Answer answer;
        try {
            answer = send(request);
        } catch (AssertionError | RuntimeException e) {
            return List.of(request + " -> no answer: " + e.getMessage());
        }
        seen.merge(answer.status(), 1, Integer::sum);
        List<String> failures = new ArrayList<>();
        String shown = answer.text().length() > 300 ? answer.text().substring(0, 300) : answer.text();
        if (answer.status() >= 500) {
            failures.add(request + " -> " + answer.status() + " " + shown);
        }
        if (answer.status() >= 400 && answer.status() < 500) {
            String type = answer.header("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                failures.add(request + " -> " + answer.status() + " not JSON (" + type + "): " + shown);
            } else {
                try {
                    JsonNode body = JSON.readTree(answer.body());
                    if (body == null || body.path("message").asText().isBlank()) {
                        failures.add(request + " -> " + answer.status() + " without a message: " + shown);
                    }
                } catch (java.io.IOException e) {
                    failures.add(request + " -> " + answer.status() + " unparseable JSON: " + shown);
                }
            }
            String after = registry.fingerprint();
            if (!after.equals(before)) {
                failures.add(request + " -> " + answer.status() + " changed state: " + diff(before, after));
            }
        }
        return failures;
    }

    private FuzzRequest resolved(FuzzRequest r) {
        String path = registry.resolve(r.path());
        String query = registry.resolve(r.query());
        if (RequestGenerator.DOWNLOAD.equals(r.path())) {
            String[] how = r.query().split(":", 2);
            String[] link = RequestGenerator.link(registry, Integer.parseInt(how[0]), how[1]);
            path = link[0];
            query = link[1];
        }
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((name, value) -> headers.put(name, registry.resolve(value)));
        return new FuzzRequest(r.operation(), r.variant(), r.valid(), r.method(), path, query, headers, r.body());
    }

    private RawHttp.Answer send(FuzzRequest request) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        if (request.body() != null) {
            headers.put("Content-Length", Integer.toString(request.body().length));
        }
        String target = request.path() + (request.query() == null ? "" : "?" + request.query());
        return registry.raw.send(request.method() + " " + target + " HTTP/1.1", headers, request.body());
    }

    private static String diff(String before, String after) {
        int at = 0;
        while (at < Math.min(before.length(), after.length()) && before.charAt(at) == after.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 60);
        return "before …" + before.substring(from, Math.min(before.length(), at + 120)) + "… after …"
                + after.substring(from, Math.min(after.length(), at + 120)) + "…";
    }
}
