package io.modelregistry.server.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks recorded exchanges against the course's OpenAPI document, byte for byte as shipped in
 * {@code openapi/registry-openapi.yaml}: paths, methods, status codes, headers and response bodies.
 * <p>
 * Two relaxations, on purpose: the contract declares no body for error responses, while our standard gives
 * every 4xx/5xx a JSON message, so unexpected bodies are not errors; and the automated client sends request
 * properties the document does not list (a {@code name} next to the ingest {@code url}), so extra request
 * properties are not errors either. Responses must have exactly the properties the document lists.
 */
public final class ContractValidator {

    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
            .createForSpecificationUrl(Objects.requireNonNull(
                    ContractValidator.class.getClassLoader().getResource("openapi/registry-openapi.yaml")).toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.body.unexpected", ValidationReport.Level.IGNORE)
                    // the automated client sends {"url", "name"} to POST /artifact (CLIENT.md); the document lists url only
                    .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    private final List<String> violations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    /** Validates one exchange; download links are outside the contract (only the URL is in it). */
    public synchronized void check(HttpExchange exchange) {
        if (exchange.path().startsWith("/download/")) {
            return;
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path());
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (exchange.token() != null) {
            request.withHeader("X-Authorization", exchange.token());
        }
        if (exchange.requestBody() != null) {
            request.withContentType("application/json").withBody(exchange.requestBody());
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.headers().map().forEach((name, values) -> response.withHeader(name, values));
        if (exchange.body().length > 0) {
            response.withBody(new String(exchange.body(), StandardCharsets.UTF_8));
            exchange.headers().firstValue("content-type").ifPresent(response::withContentType);
        }
        ValidationReport report = validator.validate(request.build(), response.build());
        String label = exchange.method() + " " + exchange.path() + " -> " + exchange.status();
        checked.add(label);
        // The request side is checked too, except where a test sends bad input on purpose (4xx answers); to a
        // request the document itself calls invalid (e.g. windowMinutes=2), a 4xx it does not list is still right.
        boolean invalidRequest = report.getMessages().stream()
                .anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR && m.getKey().startsWith("validation.request"));
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> exchange.status() < 400 || !m.getKey().startsWith("validation.request"))
                .filter(m -> !(invalidRequest && exchange.status() >= 400 && exchange.status() < 500
                        && m.getKey().equals("validation.response.status.unknown")))
                .forEach(m -> violations.add(label + ": " + m.getKey() + " " + m.getMessage()));
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized List<String> checked() {
        return List.copyOf(checked);
    }
}
