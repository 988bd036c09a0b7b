package io.modelregistry.server.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every operation of the contract ({@code openapi/registry-openapi.yaml}) and of our extension document
 * ({@code openapi/registry-extensions.yaml}), read with the same OpenAPI parser the contract validator uses, with
 * every {@code $ref} resolved: what the fuzzer derives its requests from. Where both documents describe one
 * operation (the extension widens a contract operation), the extension's description wins: it is what is served.
 */
final class ApiOperations {

    /** One parameter: where it goes, whether it must be there, and the schema of its value. */
    record Param(String name, String in, boolean required, Schema<?> schema) {
    }

    /** One operation: its method, path template, parameters and (first) request body media type and schema. */
    record Operation(String document, String method, String path, List<Param> params, String mediaType,
            Schema<?> body, boolean bodyRequired) {

        String label() {
            return method + " " + path;
        }

        boolean needsToken() {
            return params.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("X-Authorization"));
        }
    }

    private ApiOperations() {
    }

    static List<Operation> all() {
        Map<String, Operation> byLabel = new LinkedHashMap<>();
        for (String document : List.of("openapi/registry-openapi.yaml", "openapi/registry-extensions.yaml")) {
            for (Operation operation : read(document)) {
                byLabel.put(operation.label(), operation);
            }
        }
        return List.copyOf(byLabel.values());
    }

    private static List<Operation> read(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        String url = Objects.requireNonNull(ApiOperations.class.getClassLoader().getResource(document)).toString();
        OpenAPI api = new OpenAPIV3Parser().read(url, null, options);
        List<Operation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Map<String, Param> params = new LinkedHashMap<>();
            for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
                if (list != null) {
                    for (Parameter p : list) {
                        params.put(p.getIn() + ":" + p.getName(), new Param(p.getName(), p.getIn(),
                                Boolean.TRUE.equals(p.getRequired()), p.getSchema()));
                    }
                }
            }
            String mediaType = null;
            Schema<?> body = null;
            boolean bodyRequired = false;
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                var content = operation.getRequestBody().getContent();
                mediaType = content.containsKey("application/json") ? "application/json"
                        : content.keySet().iterator().next();
                body = content.get(mediaType).getSchema();
                bodyRequired = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
            }
            operations.add(new Operation(document, method(method), path, List.copyOf(params.values()), mediaType,
                    body, bodyRequired));
        }));
        return operations;
    }

    private static String method(PathItem.HttpMethod method) {
        return method.name();
    }
}
