package io.modelregistry.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.server.fuzz.ApiOperations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Example;

/**
 * The bad-input corpus ({@link HostileInput}), every entry against every operation it fits, exhaustively rather
 * than sampled: malformed, deeply nested, huge and non-UTF-8 JSON bodies; SSRF and local-file URLs in every ingest
 * and update; traversal, injection and oversized values in every path parameter; tampered download links. The
 * same properties as the fuzzer ({@link FuzzOracle}), and all failures are reported together.
 */
class BadInputCorpusTest {

    private static final List<String> PATH_VALUES = List.of("../../../../etc/passwd", "..", "%2e%2e", "a/../../b",
            "' OR '1'='1", "\u0000", "x".repeat(2_000), "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/a}",
            "-1", "99999999999999999999999999", "\uD83D\uDCA5");
    private static final List<String> TAMPERINGS = List.of("signature", "expiry", "user", "artifact", "digest",
            "no signature", "traversal", "other artifact", "aspect");

    private final FuzzedRegistry registry = FuzzedRegistry.get();
    private final FuzzOracle oracle = new FuzzOracle(registry);
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    @Example
    void malformedJsonBodiesAreRefusedWithoutAChange() {
        List<FuzzRequest> corpus = new ArrayList<>();
        for (Operation operation : ApiOperations.all()) {
            if ("application/json".equals(operation.mediaType())) {
                for (byte[] body : HostileInput.malformedBodies()) {
                    corpus.add(request(operation, "malformed body", body, "application/json"));
                }
            }
        }
        assertNoFailures(corpus);
    }

    @Example
    void ssrfAndLocalFileUrlsAreRefusedWithoutAFetchOrAChange() {
        List<FuzzRequest> corpus = new ArrayList<>();
        for (String url : HostileInput.SSRF_URLS) {
            String body = "{\"url\":" + json(url) + "}";
            for (String type : List.of("model", "dataset", "code")) {
                corpus.add(raw("POST /artifact/{artifact_type}", "ssrf url", "POST", "/artifact/" + type, body));
                corpus.add(raw("PUT /artifacts/{artifact_type}/{id}", "ssrf url", "PUT",
                        "/artifacts/" + type + "/" + RequestGenerator.seedId(0),
                        "{\"metadata\":{\"name\":\"fuzz-seed-one\",\"id\":\"" + RequestGenerator.seedId(0)
                                + "\",\"type\":\"" + type + "\"},\"data\":{\"url\":" + json(url) + "}}"));
            }
            corpus.add(raw("POST /artifact/model/{id}/license-check", "ssrf url", "POST",
                    "/artifact/model/" + RequestGenerator.seedId(0) + "/license-check",
                    "{\"github_url\":" + json(url) + "}"));
        }
        assertNoFailures(corpus);
    }

    @Example
    void hostilePathParametersAreRefusedWithoutAChange() {
        List<FuzzRequest> corpus = new ArrayList<>();
        for (Operation operation : ApiOperations.all()) {
            if (operation.path().equals("/download/{id}") || !operation.path().contains("{")) {
                continue;
            }
            for (String value : PATH_VALUES) {
                String path = operation.path().replaceAll("\\{artifact_type}", "model")
                        .replaceAll("\\{[^}]+}", RequestGenerator.encode(value));
                corpus.add(new FuzzRequest(operation.label(), "hostile path", false, operation.method(), path, null,
                        headers(operation, operation.mediaType()), operation.body() == null ? null
                        : "{}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertNoFailures(corpus);
    }

    @Example
    void tamperedDownloadLinksAreRefusedWithoutAChange() {
        List<FuzzRequest> corpus = new ArrayList<>();
        for (String how : TAMPERINGS) {
            for (int seed = 0; seed < 2; seed++) {
                corpus.add(new FuzzRequest("GET /download/{id}", "tampered link: " + how, false, "GET",
                        RequestGenerator.DOWNLOAD, seed + ":" + how, Map.of(), null));
            }
        }
        assertNoFailures(corpus);
    }

    @Example
    void hugeCountsAndExtremeParametersAreBounded() {
        String queries = "[" + String.join(",", java.util.Collections.nCopies(70_000, "{\"name\":\"a\"}")) + "]";
        String ids = "[" + String.join(",", java.util.Collections.nCopies(60_000, "\"1\"")) + "]";
        List<FuzzRequest> corpus = new ArrayList<>(List.of(
                raw("POST /artifacts", "70000 queries", "POST", "/artifacts", queries),
                raw("POST /artifacts/summaries", "60000 ids", "POST", "/artifacts/summaries", ids),
                raw("POST /artifact/byRegEx", "100k regex", "POST", "/artifact/byRegEx",
                        "{\"regex\":\"" + "(a|a)*".repeat(15_000) + "\"}"),
                raw("POST /artifact/byRegEx", "catastrophic regex", "POST", "/artifact/byRegEx",
                        "{\"regex\":\"^(a+)+$\"}")));
        for (String value : List.of("-1", "abc", "9223372036854775808", "1e309", "", "0x10", "%00")) {
            for (String[] target : List.of(new String[] {"POST", "/artifacts", "offset"},
                    new String[] {"GET", "/users", "offset"}, new String[] {"GET", "/health/components", "windowMinutes"},
                    new String[] {"GET", "/health/activity", "windowMinutes"}, new String[] {"GET", "/health/logs", "limit"},
                    new String[] {"GET", "/artifacts/confusion-audit", "limit"},
                    new String[] {"GET", "/artifacts/confusion-audit", "min_score"},
                    new String[] {"GET", "/downloads/history", "limit"}, new String[] {"GET", "/downloads/history", "as_of"},
                    new String[] {"GET", "/artifacts/model/" + RequestGenerator.seedId(0) + "/versions", "version"})) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("X-Authorization", RequestGenerator.TOKEN);
                byte[] body = null;
                if (target[0].equals("POST")) {
                    headers.put("Content-Type", "application/json");
                    body = "[{\"name\":\"*\"}]".getBytes(StandardCharsets.UTF_8);
                }
                corpus.add(new FuzzRequest(target[0] + " " + target[1], "extreme " + target[2], false, target[0],
                        target[1], target[2] + "=" + RequestGenerator.encode(value), headers, body));
            }
        }
        assertNoFailures(corpus);
    }

    @Example
    void hostileTokensAndRangesAreRefusedWithoutAChange() {
        List<FuzzRequest> corpus = new ArrayList<>();
        for (String token : List.of("bearer \u00fc\u00ff", "bearer ' OR '1'='1", "bearer " + "A".repeat(7_000),
                "bearer", "bearer  ", "Basic YWRtaW46YWRtaW4=", "bearer ..%2f..%2f", "bearer eyJhbGciOiJub25lIn0.e30.")) {
            corpus.add(new FuzzRequest("POST /artifacts", "hostile token", false, "POST", "/artifacts", null,
                    Map.of("X-Authorization", token, "Content-Type", "application/json"),
                    "[{\"name\":\"*\"}]".getBytes(StandardCharsets.UTF_8)));
            corpus.add(new FuzzRequest("DELETE /reset", "hostile token", false, "DELETE", "/reset", null,
                    Map.of("X-Authorization", token), null));
        }
        for (String range : List.of("bytes=999999999999-", "bytes=abc", "bytes=5-1", "bytes=-0", "items=0-1",
                "bytes=" + "0-1,".repeat(2_000) + "0-1", "bytes=0-99999999999999999999")) {
            corpus.add(new FuzzRequest("GET /download/{id}", "range " + range.substring(0, Math.min(20, range.length())),
                    false, "GET", RequestGenerator.DOWNLOAD, "0:valid", Map.of("Range", range), null));
        }
        assertNoFailures(corpus);
    }

    private void assertNoFailures(List<FuzzRequest> corpus) {
        List<String> failures = new ArrayList<>();
        for (FuzzRequest request : corpus) {
            failures.addAll(oracle.check(request, statuses));
        }
        System.out.println("bad-input corpus: " + corpus.size() + " requests, statuses " + statuses);
        assertThat(failures).isEmpty();
    }

    private static FuzzRequest request(Operation operation, String variant, byte[] body, String type) {
        String path = operation.path().replace("{artifact_type}", "model").replaceAll("\\{(id|name)}",
                operation.path().startsWith("/users") ? "fuzz-user-a" : RequestGenerator.seedId(0));
        return new FuzzRequest(operation.label(), variant, false, operation.method(), path, null,
                headers(operation, type), body);
    }

    private static FuzzRequest raw(String operation, String variant, String method, String path, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Authorization", RequestGenerator.TOKEN);
        headers.put("Content-Type", "application/json");
        return new FuzzRequest(operation, variant, false, method, path, null, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(Operation operation, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (operation.needsToken()) {
            headers.put("X-Authorization", RequestGenerator.TOKEN);
        }
        if (type != null && operation.body() != null) {
            headers.put("Content-Type", type);
        }
        return headers;
    }

    private static String json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
