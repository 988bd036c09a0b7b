package io.modelregistry.server.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.fuzz.ApiOperations.Operation;
import io.modelregistry.server.fuzz.ApiOperations.Param;
import io.modelregistry.server.support.ModelUploads;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Derives requests for one operation from its schemas: <em>valid</em> ones (every required parameter and property
 * present and of its type, enums and bounds kept, path parameters naming artifacts that exist) and
 * <em>mutated</em> ones (one thing broken: no or a forged token, a hostile path segment or parameter, a body that is
 * not JSON, of the wrong shape, missing a required property or carrying a hostile value, the wrong content type).
 */
final class RequestGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Hub addresses the fake hub answers (CLIENT.md's examples), so a valid ingest can succeed. */
    private static final List<String> HUB_URLS = List.of("https://huggingface.co/google-bert/bert-base-uncased",
            "https://huggingface.co/datasets/bookcorpus/bookcorpus", "https://github.com/google-research/bert",
            "https://huggingface.co/no-such-org/no-such-model");
    private static final int MAX_DEPTH = 4;
    /** Placeholders the oracle replaces at send time: the token and the seeds' ids change during a run. */
    static final String TOKEN = "{{admin-token}}";
    static final String DOWNLOAD = "{{download}}";

    static String seedId(int index) {
        return "{{seed-" + index + "}}";
    }

    private final byte[] zip;

    RequestGenerator() {
        this.zip = TestZips.zip(TestZips.model("# fuzzed upload\n"));
    }

    /** One in three valid, two in three mutated; {@code DELETE /reset} only mutated (a valid one ends the run's seeds). */
    Arbitrary<FuzzRequest> requests(Operation operation) {
        if (operation.label().equals("DELETE /reset")) {
            return mutated(operation);
        }
        if (operation.label().equals("POST /workload/runs")) {
            // An accepted start uploads models in the background, changing state under every later check; its
            // bounds and refusals are WorkloadRunTest's. Here: only requests refused before the body is read.
            return Arbitraries.oneOf(valid(operation).map(r -> withToken(r, null, "no token")),
                    valid(operation).flatMap(r -> Arbitraries.of("bearer forged", "x", TOKEN + "x")
                            .map(t -> withToken(r, t, "forged token"))));
        }
        return Arbitraries.frequencyOf(Tuple.of(1, valid(operation)), Tuple.of(2, mutated(operation)));
    }

    Arbitrary<FuzzRequest> valid(Operation operation) {
        if (operation.path().equals("/download/{id}")) {
            return Combinators.combine(Arbitraries.of(0, 1), Arbitraries.of("", "&aspect=card", "&aspect=weights",
                    "&aspect=all")).as((seed, aspect) -> download(operation, seed, "valid" + aspect));
        }
        List<Arbitrary<Map.Entry<Param, String>>> params = new ArrayList<>();
        for (Param param : operation.params()) {
            if (isToken(param)) {
                continue;
            }
            Arbitrary<String> value = validValue(operation, param);
            Arbitrary<Map.Entry<Param, String>> entry = value.map(v -> Map.entry(param, v));
            params.add(param.required() || param.in().equals("path") ? entry : entry.injectNull(0.5));
        }
        Arbitrary<byte[]> body = validBody(operation);
        return Combinators.combine(Combinators.combine(params).as(list -> list), body)
                .as((list, bytes) -> build(operation, "valid", true, list, bytes, operation.mediaType(), true));
    }

    Arbitrary<FuzzRequest> mutated(Operation operation) {
        List<Arbitrary<FuzzRequest>> ways = new ArrayList<>();
        Arbitrary<FuzzRequest> valid = operation.label().equals("DELETE /reset")
                ? Arbitraries.just(build(operation, "valid", true, List.of(), null, null, true)) : valid(operation);
        if (operation.needsToken()) {
            ways.add(valid.map(r -> withToken(r, null, "no token")));
            ways.add(valid.flatMap(r -> Arbitraries.of("bearer forged", "bearer " + "A".repeat(600), "x",
                    TOKEN + "x", TOKEN.replace("{{", "Bearer  {{"))
                    .map(t -> withToken(r, t, "forged token"))));
        }
        if (operation.path().equals("/download/{id}")) {
            ways.add(Combinators.combine(Arbitraries.of(0, 1), Arbitraries.of(TAMPERINGS))
                    .as((seed, tamper) -> download(operation, seed, tamper)));
        }
        boolean hasPath = operation.params().stream().anyMatch(p -> p.in().equals("path"));
        if (hasPath && !operation.path().equals("/download/{id}")) {
            ways.add(Combinators.combine(valid, Arbitraries.of(HostileInput.STRINGS))
                    .as((r, hostile) -> hostilePath(operation, r, hostile)));
        }
        boolean hasQuery = operation.params().stream().anyMatch(p -> p.in().equals("query"));
        if (hasQuery && !operation.path().equals("/download/{id}")) {
            ways.add(Combinators.combine(valid, Arbitraries.of(HostileInput.STRINGS))
                    .as((r, hostile) -> hostileQuery(operation, r, hostile)));
        }
        if (operation.body() != null && "application/json".equals(operation.mediaType())) {
            ways.add(Combinators.combine(valid, Arbitraries.of(HostileInput.malformedBodies()))
                    .as((r, bytes) -> withBody(r, bytes, "application/json", "malformed body")));
            ways.add(Combinators.combine(valid, Arbitraries.of("1", "\"x\"", "true", "null", "[]", "{}", "[[]]",
                    "[1,2]", "{\"url\":[1]}", "{\"name\":{}}", "[{\"name\":5}]", "{\"regex\":7}"))
                    .as((r, text) -> withBody(r, text.getBytes(StandardCharsets.UTF_8), "application/json",
                            "wrong shape")));
            ways.add(Combinators.combine(valid, hostileBody(operation.body()))
                    .as((r, bytes) -> withBody(r, bytes, "application/json", "hostile value")));
            ways.add(valid.map(r -> withBody(r, r.body(), "text/plain", "wrong content type")));
        }
        if (operation.body() != null && !"application/json".equals(operation.mediaType())) {
            ways.add(Combinators.combine(valid, Arbitraries.bytes().array(byte[].class).ofMaxSize(2048))
                    .as((r, bytes) -> withBody(r, bytes, operation.mediaType(), "garbage body")));
        }
        if (ways.isEmpty()) {
            // an open endpoint without parameters: the only thing to break is the method's neighbourhood
            ways.add(valid.map(r -> new FuzzRequest(r.operation(), "unexpected body", false, r.method(), r.path(),
                    r.query(), Map.of("Content-Type", "application/json"), "{\"x\":".getBytes())));
        }
        return Arbitraries.oneOf(ways);
    }

    // ------------------------------------------------------------------ values

    private Arbitrary<String> validValue(Operation operation, Param param) {
        String name = param.name();
        if (param.in().equals("path") && name.equals("id")) {
            return Arbitraries.of(seedId(0), seedId(1));
        }
        if (param.in().equals("path") && name.equals("name")) {
            return operation.path().startsWith("/users")
                    // never the admin: a valid "delete user" or "drop admin" on it would end the run
                    ? Arbitraries.of("fuzz-user-a", "fuzz-user-b")
                    : Arbitraries.of("fuzz-seed-one", "fuzz-seed-two", "fuzz-none");
        }
        if (param.in().equals("header") && name.equalsIgnoreCase("Range")) {
            return Arbitraries.of("bytes=0-10", "bytes=5-", "bytes=-3");
        }
        if (param.in().equals("header")) {
            return Arbitraries.of("x");
        }
        return scalar(param.schema(), name);
    }

    private Arbitrary<String> scalar(Schema<?> schema, String name) {
        return value(schema, name, 0).map(v -> v instanceof String s ? s : toJson(v));
    }

    @SuppressWarnings("unchecked")
    private Arbitrary<Object> value(Schema<?> schema, String name, int depth) {
        if (schema == null) {
            return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return Arbitraries.of((List<Object>) schema.getEnum());
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return Arbitraries.of(schema.getOneOf()).flatMap(s -> value(s, name, depth));
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return Arbitraries.of(schema.getAnyOf()).flatMap(s -> value(s, name, depth));
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return object(merged(schema.getAllOf()), depth);
        }
        String type = type(schema);
        switch (type) {
            case "integer": {
                long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
                long max = schema.getMaximum() == null ? Math.max(min + 100, 100) : schema.getMaximum().longValue();
                return Arbitraries.longs().between(min, max).map(v -> v);
            }
            case "number": {
                double min = schema.getMinimum() == null ? 0 : schema.getMinimum().doubleValue();
                double max = schema.getMaximum() == null ? min + 100 : schema.getMaximum().doubleValue();
                return Arbitraries.doubles().between(min, max).map(v -> v);
            }
            case "boolean":
                return Arbitraries.of(true, false);
            case "array": {
                int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
                int max = Math.min(schema.getMaxItems() == null ? 3 : schema.getMaxItems(), min + 3);
                if (depth >= MAX_DEPTH) {
                    return Arbitraries.just(List.of());
                }
                return value(schema.getItems(), name, depth + 1).list().ofMinSize(min).ofMaxSize(max).map(l -> l);
            }
            case "object":
                return depth >= MAX_DEPTH ? Arbitraries.just(Map.of()) : object(schema, depth);
            default:
                return string(schema, name);
        }
    }

    private Arbitrary<Object> string(Schema<?> schema, String name) {
        String lower = name == null ? "" : name.toLowerCase();
        if (lower.contains("url") || "uri".equals(schema.getFormat())) {
            return Arbitraries.of(HUB_URLS).map(s -> s);
        }
        if (lower.equals("regex")) {
            return Arbitraries.of("fuzz.*", "seed", "^fuzz-seed-(one|two)$", ".*").map(s -> s);
        }
        if ("date-time".equals(schema.getFormat())) {
            return Arbitraries.of("2026-01-01T00:00:00Z", "2030-12-31T23:59:59Z").map(s -> s);
        }
        if (lower.equals("version")) {
            return Arbitraries.of("1.0.0", "2.0.0", "1.0.0-2.0.0", "~1.0.0", "^1.0.0").map(s -> s);
        }
        if (lower.equals("name") || lower.endsWith("user")) {
            return Arbitraries.of("fuzz-seed-one", "fuzz-seed-two", "fuzz-user-a", "*").map(s -> s);
        }
        int min = schema.getMinLength() == null ? 1 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? Math.max(min, 12) : Math.min(schema.getMaxLength(), min + 24);
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
                .ofMinLength(min).ofMaxLength(Math.max(min, max)).map(s -> s);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Arbitrary<Object> object(Schema<?> schema, int depth) {
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        List<Arbitrary<Map.Entry<String, Object>>> entries = new ArrayList<>();
        properties.forEach((key, property) -> {
            Arbitrary<Map.Entry<String, Object>> entry = value(property, key, depth + 1).map(v -> Map.entry(key, v));
            entries.add(required.contains(key) ? entry : entry.injectNull(0.4));
        });
        return Combinators.combine(entries).as(list -> {
            Map<String, Object> object = new LinkedHashMap<>();
            list.stream().filter(java.util.Objects::nonNull).forEach(e -> object.put(e.getKey(), e.getValue()));
            return (Object) object;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> merged(List<Schema> parts) {
        Schema<Object> merged = new Schema<>();
        merged.setType("object");
        Map<String, Schema> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Schema part : parts) {
            if (part.getProperties() != null) {
                properties.putAll(part.getProperties());
            }
            if (part.getRequired() != null) {
                required.addAll(part.getRequired());
            }
        }
        merged.setProperties(properties);
        merged.setRequired(required);
        return merged;
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
    }

    private Arbitrary<byte[]> validBody(Operation operation) {
        if (operation.body() == null) {
            return Arbitraries.just(null);
        }
        if (!"application/json".equals(operation.mediaType())) {
            if (operation.mediaType().contains("javascript")) {
                return Arbitraries.of("function monitor(request) { return true; }", "// nothing\n")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8));
            }
            return Arbitraries.just(zip);
        }
        return value(operation.body(), null, 0).map(v -> toJson(v).getBytes(StandardCharsets.UTF_8));
    }

    /** A valid body with one string in it (at any depth) replaced by a hostile one; for a URL, an SSRF target. */
    private Arbitrary<byte[]> hostileBody(Schema<?> schema) {
        return Combinators.combine(value(schema, null, 0), Arbitraries.of(HostileInput.STRINGS),
                Arbitraries.of(HostileInput.SSRF_URLS)).as((v, hostile, ssrf) -> {
                    Object replaced = replaceStrings(v, hostile, ssrf);
                    return toJson(replaced).getBytes(StandardCharsets.UTF_8);
                });
    }

    @SuppressWarnings("unchecked")
    private static Object replaceStrings(Object value, String hostile, String ssrf) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k,
                    v instanceof String ? (k.toLowerCase().contains("url") ? ssrf : hostile)
                            : replaceStrings(v, hostile, ssrf)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v instanceof String ? hostile : replaceStrings(v, hostile, ssrf)).toList();
        }
        return value instanceof String ? hostile : value;
    }

    // ------------------------------------------------------------------ requests

    private FuzzRequest build(Operation operation, String variant, boolean valid, List<Map.Entry<Param, String>> params,
            byte[] body, String mediaType, boolean token) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<Param, String> entry : params) {
            if (entry == null) {
                continue;
            }
            Param param = entry.getKey();
            switch (param.in()) {
                case "path" -> path = path.replace("{" + param.name() + "}", encode(entry.getValue()));
                case "query" -> query.append(query.isEmpty() ? "" : "&").append(param.name()).append('=')
                        .append(encode(entry.getValue()));
                case "header" -> headers.put(param.name(), entry.getValue());
                default -> { }
            }
        }
        if (token && operation.needsToken()) {
            headers.put("X-Authorization", TOKEN);
        }
        if (body != null && mediaType != null) {
            headers.put("Content-Type", mediaType);
        }
        return new FuzzRequest(operation.label(), variant, valid, operation.method(), path,
                query.isEmpty() ? null : query.toString(), headers, body);
    }

    private static FuzzRequest withToken(FuzzRequest r, String token, String variant) {
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.remove("X-Authorization");
        if (token != null) {
            headers.put("X-Authorization", token);
        }
        return new FuzzRequest(r.operation(), variant, false, r.method(), r.path(), r.query(), headers, r.body());
    }

    private static FuzzRequest withBody(FuzzRequest r, byte[] body, String mediaType, String variant) {
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.put("Content-Type", mediaType);
        return new FuzzRequest(r.operation(), variant, false, r.method(), r.path(), r.query(), headers, body);
    }

    private static FuzzRequest hostilePath(Operation operation, FuzzRequest r, String hostile) {
        // the last path parameter of the template gets the hostile value, percent-encoded as a client would; the
        // encoded values hold no '/', so the sent path has the template's segments
        String[] template = operation.path().split("/", -1);
        String[] sent = r.path().split("/", -1);
        for (int i = template.length - 1; i >= 0; i--) {
            if (template[i].startsWith("{") && i < sent.length) {
                sent[i] = encode(hostile);
                break;
            }
        }
        return new FuzzRequest(r.operation(), "hostile path", false, r.method(), String.join("/", sent), r.query(),
                r.headers(), r.body());
    }

    private static FuzzRequest hostileQuery(Operation operation, FuzzRequest r, String hostile) {
        StringBuilder query = new StringBuilder();
        for (Param param : operation.params()) {
            if (param.in().equals("query")) {
                query.append(query.isEmpty() ? "" : "&").append(param.name()).append('=').append(encode(hostile));
            }
        }
        return new FuzzRequest(r.operation(), "hostile query", false, r.method(), r.path(), query.toString(),
                r.headers(), r.body());
    }

    private static final List<String> TAMPERINGS = List.of("signature", "expiry", "user", "artifact", "digest",
            "no signature", "traversal", "other artifact", "aspect");

    /** A download is resolved at send time ({@link #link}): the seed's link changes when the seed is uploaded again. */
    private static FuzzRequest download(Operation operation, int seed, String how) {
        return new FuzzRequest(operation.label(), how.startsWith("valid") ? "valid" : "tampered link: " + how,
                how.startsWith("valid"), "GET", DOWNLOAD, seed + ":" + how, Map.of(), null);
    }

    /** The seed's signed link, as issued ({@code valid}, with an aspect) or tampered with as {@code how} says. */
    static String[] link(FuzzedRegistry registry, int seed, String how) {
        ModelUploads.Uploaded model = registry.models.get(seed);
        URI link = URI.create(model.link());
        String path = link.getRawPath();
        String query = link.getRawQuery();
        switch (how) {
            case "signature" -> query = query.replaceAll("(^|&)s=([^&]*?)(.)(&|$)", "$1s=$2" + "A" + "$4");
            case "expiry" -> query = query.replaceAll("(^|&)e=[^&]*", "$1e=9999999999");
            case "user" -> query = query.replaceAll("(^|&)u=[^&]*", "$1u=" + encode("someone-else"));
            case "artifact" -> path = path.substring(0, path.lastIndexOf('/') + 1) + "1";
            case "digest" -> query = query.replaceAll("(^|&)d=[^&]*", "$1d=" + "0".repeat(64));
            case "no signature" -> query = query.replaceAll("(^|&)s=[^&]*", "");
            case "traversal" -> path = path + "%2F..%2F..%2Fetc%2Fpasswd";
            case "other artifact" -> path = path.substring(0, path.lastIndexOf('/') + 1)
                    + registry.models.get(1 - seed).id();
            case "aspect" -> query = query + "&aspect=" + encode("../../etc/passwd");
            default -> query = query + how.substring("valid".length());
        }
        return new String[] {path, query};
    }

    private static boolean isToken(Param param) {
        return param.in().equals("header") && param.name().equalsIgnoreCase("X-Authorization");
    }

    static String encode(String value) {
        if (value.startsWith("{{") && value.endsWith("}}")) {
            return value; // a placeholder, resolved at send time
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
