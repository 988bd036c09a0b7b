package io.modelregistry.server;

import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.server.support.HttpExchange;
import io.modelregistry.server.support.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sensitive models end to end over HTTP, with the real Node.js ({@code REGISTRY_NODE_BINARY}, else {@code node}):
 * every download of a sensitive model (in full, by aspect, resumed by a range) first runs its monitor program on the
 * zip that would be sent; a refusal is a 403 carrying the program's stdout, a program that hangs is killed and the
 * download refused with 503; a model that is not sensitive never runs a program. Every download, and every refused
 * one, is in the download history, which pages without repeats and shows each user only their own.
 */
class SensitiveModelDownloadTest extends InProcessRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern DIGEST = Pattern.compile("[?&]d=([0-9a-f]{64})");

    @Autowired
    DownloadLinkSigner signer;

    @org.springframework.beans.factory.annotation.Value("${registry.monitor.node-binary}")
    String nodeBinary;

    private RegistryClient client;

    @BeforeEach
    void resetRegistry() {
        client = freshRegistry(exchange -> { });
    }

    /** An uploaded model: its id and the admin's download link. */
    private record Model(String id, String link) {
        String digest() {
            Matcher m = DIGEST.matcher(link);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    @Test
    void aModelThatIsNotSensitiveNeverRunsItsProgram() throws Exception {
        Model model = upload("acme-open");
        // a program that refuses everything: had it run, the downloads below would be refused
        assertThat(attach(model.id(), program("refuse.js")).statusCode()).isEqualTo(200);
        assertThat(get(model.link(), Map.of()).statusCode()).isEqualTo(200);
        assertThat(get(model.link() + "&aspect=weights", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get(model.link(), Map.of("Range", "bytes=10-")).statusCode()).isEqualTo(206);
        HttpExchange sensitivity = client.get("/artifact/model/" + model.id() + "/sensitive");
        assertThat(json(sensitivity).path("sensitive").asBoolean()).isFalse();
        assertThat(extensionViolations(sensitivity)).isEmpty();
        JsonNode history = history("artifact_id=" + model.id());
        assertThat(history.path("entries")).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.path("allowed").asBoolean()).isTrue();
            assertThat(entry.path("monitor_ran").asBoolean()).isFalse();
            assertThat(entry.has("monitor")).isFalse();
        });
    }

    @Test
    void everyDownloadOfASensitiveModelRunsItsMonitorOnTheZipThatWouldBeSent() throws Exception {
        Model model = upload("acme-guarded");
        assertThat(attach(model.id(), program("hash.js")).statusCode()).isEqualTo(200);
        HttpExchange marked = client.put("/artifact/model/" + model.id() + "/sensitive", null);
        assertThat(marked.status()).as(marked.text()).isEqualTo(200);
        assertThat(json(marked).path("sensitive").asBoolean()).isTrue();
        assertThat(json(marked).at("/monitor/sha256").asText()).isEqualTo(sha256(program("hash.js")));
        assertThat(extensionViolations(marked)).isEmpty();

        HttpResponse<byte[]> full = get(model.link(), Map.of());
        assertThat(full.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> weights = get(model.link() + "&aspect=weights", Map.of());
        assertThat(weights.statusCode()).isEqualTo(200);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> resumed = get(model.link(), Map.of("Range", "bytes=100-", "If-Range", etag));
        assertThat(resumed.statusCode()).isEqualTo(206);
        assertThat(resumed.body()).hasSize(full.body().length - 100);

        List<JsonNode> entries = list(history("artifact_id=" + model.id()).path("entries"));
        assertThat(entries).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.path("allowed").asBoolean()).isTrue();
            assertThat(entry.path("monitor_ran").asBoolean()).isTrue();
            assertThat(entry.at("/monitor/outcome").asText()).isEqualTo("allowed");
            assertThat(entry.at("/monitor/exit_code").asInt()).isZero();
        });
        String said = RegistryClient.ADMIN + " " + RegistryClient.ADMIN + " ";
        // newest first: the resumed download was shown the whole zip it resumes, as was the first
        assertThat(entries.get(0).at("/monitor/stdout").asText()).isEqualTo("acme-guarded " + said
                + full.body().length + " " + sha256(full.body()) + "\n");
        assertThat(entries.get(0).path("bytes").asLong()).isEqualTo(full.body().length - 100);
        assertThat(entries.get(1).path("aspect").asText()).isEqualTo("weights");
        assertThat(entries.get(1).at("/monitor/stdout").asText()).isEqualTo("acme-guarded " + said
                + weights.body().length + " " + sha256(weights.body()) + "\n");
        assertThat(entries.get(2).at("/monitor/stdout").asText()).isEqualTo("acme-guarded " + said
                + full.body().length + " " + sha256(full.body()) + "\n");

        HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(URI.create(model.link()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).as("a HEAD sends no byte, runs nothing, records nothing").isEqualTo(200);
        assertThat(history("artifact_id=" + model.id()).path("entries")).hasSize(3);
    }

    @Test
    void aMonitorThatExitsNonZeroRefusesEveryKindOfDownloadWithItsOutputAndTheRefusalsAreRecorded()
            throws Exception {
        Model model = upload("acme-secret");
        attach(model.id(), program("refuse.js"));
        client.put("/artifact/model/" + model.id() + "/sensitive", null);
        registerDownloader("bob");
        String bob = signer.link(client.baseUrl(), model.id(), model.digest(), "bob", false);
        for (String link : List.of(model.link(), model.link() + "&aspect=weights", bob)) {
            HttpResponse<byte[]> refused = get(link, Map.of());
            assertThat(refused.statusCode()).as(link).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(refused.headers().firstValue("ETag")).as("no header of the zip is left").isEmpty();
            String message = JSON.readTree(refused.body()).path("message").asText();
            assertThat(message).contains("policy 7: ").contains(" may not download acme-secret");
        }
        HttpResponse<byte[]> range = get(model.link(), Map.of("Range", "bytes=5-"));
        assertThat(range.statusCode()).isEqualTo(403);
        assertThat(new String(range.body(), StandardCharsets.UTF_8)).contains("policy 7: " + RegistryClient.ADMIN);

        List<JsonNode> entries = list(history("artifact_id=" + model.id()).path("entries"));
        assertThat(entries).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.path("allowed").asBoolean()).isFalse();
            assertThat(entry.path("bytes").asLong()).isZero();
            assertThat(entry.at("/monitor/outcome").asText()).isEqualTo("refused");
            assertThat(entry.at("/monitor/exit_code").asInt()).isEqualTo(1);
        });
        assertThat(entries.get(1).at("/user/name").asText()).isEqualTo("bob");
        assertThat(entries.get(1).at("/monitor/stdout").asText()).isEqualTo("policy 7: bob may not download "
                + "acme-secret\n");
        HttpExchange audit = client.get("/artifact/model/" + model.id() + "/audit");
        assertThat(json(audit).findValuesAsText("action")).as("a refusal is no download").doesNotContain("DOWNLOAD");
    }

    @Test
    void nodeTakenAwayUnderTrafficRefusesOnlySensitiveDownloadsWith503NamingNodeAndHealthShowsItUntilItIsBack()
            throws Exception {
        java.nio.file.Path node = nodeScript();
        Model guarded = sensitiveModel("acme-traffic-guarded");
        Model plain = upload("acme-traffic-plain");
        java.nio.file.Path away = node.resolveSibling(node.getFileName() + ".away");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            // before: everything is served
            assertThat(batch(pool, guarded, plain)).allSatisfy(answer -> assertThat(answer).startsWith("200"));

            // taken away while a batch is in flight: each download of the sensitive model is served or refused with
            // a 503 naming Node.js; the other model's are all served
            var inFlight = pool.submit(() -> batch(pool, guarded, plain));
            java.nio.file.Files.move(node, away);
            for (String answer : inFlight.get(120, java.util.concurrent.TimeUnit.SECONDS)) {
                assertThat(answer).matches("(?s)200 .*|503 guarded .*Node\\.js could not be started.*");
            }
            List<String> during = batch(pool, guarded, plain);
            assertThat(during).filteredOn(answer -> answer.contains(" plain ")).hasSize(3)
                    .allSatisfy(answer -> assertThat(answer).startsWith("200"));
            assertThat(during).filteredOn(answer -> answer.contains(" guarded ")).hasSize(3)
                    .allSatisfy(answer -> assertThat(answer).startsWith("503").contains("Node.js could not be started")
                            .contains("never served unvetted"));
            assertThat(io.modelregistry.server.support.HealthComponents.status(client, "download-monitor"))
                    .isEqualTo("degraded");

            // back: served again at once, nothing restarted, and health clears with the next run
            java.nio.file.Files.move(away, node);
            assertThat(batch(pool, guarded, plain)).allSatisfy(answer -> assertThat(answer).startsWith("200"));
            assertThat(io.modelregistry.server.support.HealthComponents.status(client, "download-monitor"))
                    .isEqualTo("ok");
        } finally {
            if (java.nio.file.Files.exists(away)) {
                java.nio.file.Files.move(away, node);
            }
            pool.shutdownNow();
        }
        List<JsonNode> refused = list(history("artifact_id=" + guarded.id()).path("entries")).stream()
                .filter(entry -> !entry.path("allowed").asBoolean()).toList();
        assertThat(refused).isNotEmpty().allSatisfy(entry ->
                assertThat(entry.path("monitor").path("outcome").asText()).isIn("unavailable", "timed_out"));
    }

    /**
     * Node.js that starts but never answers (hung at start-up, a stuck file system): whichever limit meets it first,
     * the runner's check of the binary ({@code --version}, when it has not passed yet) or the program's own time
     * limit (its process tree is then killed), each sensitive download is refused with a 503 that says which; the
     * other model's downloads, which run no monitor, are served meanwhile; once Node.js is mended the next downloads
     * are served and health is ok, with no restart.
     */
    @Test
    void nodeHangingAtStartUpRefusesOnlySensitiveDownloadsOnceTheTimeLimitKillsItAndServesThemOnceMended()
            throws Exception {
        java.nio.file.Path node = nodeScript();
        Model guarded = sensitiveModel("acme-hang-guarded");
        Model plain = upload("acme-hang-plain");
        String working = java.nio.file.Files.readString(node);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.nio.file.Files.writeString(node, "#!/bin/sh\nexec sleep 600\n");
            List<String> hung = batch(pool, guarded, plain);
            assertThat(hung).filteredOn(answer -> answer.contains(" plain ")).hasSize(3)
                    .allSatisfy(answer -> assertThat(answer).startsWith("200"));
            assertThat(hung).filteredOn(answer -> answer.contains(" guarded ")).hasSize(3)
                    .allSatisfy(answer -> assertThat(answer).startsWith("503").contains("never served unvetted")
                            .containsAnyOf("--version' did not answer within 10 s",
                                    "the monitor program did not finish within 10000 ms and was killed"));

            java.nio.file.Files.writeString(node, working);
            assertThat(batch(pool, guarded, plain)).allSatisfy(answer -> assertThat(answer).startsWith("200"));
            assertThat(io.modelregistry.server.support.HealthComponents.status(client, "download-monitor"))
                    .isEqualTo("ok");
        } finally {
            java.nio.file.Files.writeString(node, working);
            pool.shutdownNow();
        }
        List<JsonNode> refused = list(history("artifact_id=" + guarded.id()).path("entries")).stream()
                .filter(entry -> !entry.path("allowed").asBoolean()).toList();
        assertThat(refused).hasSize(3).allSatisfy(entry ->
                assertThat(entry.path("monitor").path("outcome").asText()).isIn("unavailable", "timed_out"));
    }

    /** The test environment's script that runs the monitors' Node.js, which a test may change or take away. */
    private java.nio.file.Path nodeScript() {
        java.nio.file.Path node = java.nio.file.Path.of(nodeBinary);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(node),
                "the monitors' Node.js is behind a script of the test environment's own when Node.js is installed");
        return node;
    }

    /** An uploaded model with the hash monitor attached and marked sensitive. */
    private Model sensitiveModel(String name) throws Exception {
        Model model = upload(name);
        assertThat(attach(model.id(), program("hash.js")).statusCode()).isEqualTo(200);
        assertThat(client.put("/artifact/model/" + model.id() + "/sensitive", null).status()).isEqualTo(200);
        return model;
    }

    /** Three downloads of each model at once; each answer is "status model message". */
    private List<String> batch(java.util.concurrent.ExecutorService pool, Model guarded, Model plain) throws Exception {
        List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (Model model : List.of(guarded, plain)) {
                String label = model == guarded ? "guarded" : "plain";
                answers.add(pool.submit(() -> {
                    HttpResponse<byte[]> response = get(model.link(), Map.of());
                    String body = response.statusCode() == 200 ? "" : new String(response.body(), StandardCharsets.UTF_8);
                    return response.statusCode() + " " + label + " " + body;
                }));
            }
        }
        List<String> done = new ArrayList<>();
        for (var answer : answers) {
            done.add(answer.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void aSensitiveModelWithoutAProgramRefusesAndOneThatHangsIsKilledAndRefusedWith503() throws Exception {
        Model model = upload("acme-unguarded");
        client.put("/artifact/model/" + model.id() + "/sensitive", null);
        HttpResponse<byte[]> none = get(model.link(), Map.of());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(none.body()).path("message").asText()).contains("has no monitor program");

        attach(model.id(), program("hang.js"));
        long started = System.nanoTime();
        HttpResponse<byte[]> hung = get(model.link(), Map.of());
        assertThat(hung.statusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("killed at the 10 s limit")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10)).isLessThan(Duration.ofSeconds(55));
        assertThat(JSON.readTree(hung.body()).path("message").asText()).contains("did not finish within 10000 ms")
                .contains("asking the audit server...");

        client.delete("/artifact/model/" + model.id() + "/sensitive");
        assertThat(get(model.link(), Map.of()).statusCode()).as("no longer sensitive").isEqualTo(200);
        List<JsonNode> entries = list(history("artifact_id=" + model.id()).path("entries"));
        assertThat(entries).extracting(e -> e.path("allowed").asBoolean()).containsExactly(true, false, false);
        assertThat(entries).extracting(e -> e.path("monitor").path("outcome").asText(""))
                .containsExactly("", "timed_out", "no_program");
        assertThat(entries).extracting(e -> e.path("monitor_ran").asBoolean()).containsExactly(false, true, false);
    }

    @Test
    void theMonitorProgramIsReadBackReplacedAndRemovedWithinItsBounds() throws Exception {
        Model model = upload("acme-monitored");
        byte[] first = program("hash.js");
        assertThat(attach(model.id(), first).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> read = send("GET", "/artifact/model/" + model.id() + "/monitor", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(first);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"" + sha256(first) + "\"");
        byte[] second = program("refuse.js");
        HttpResponse<byte[]> replaced = attach(model.id(), second);
        assertThat(JSON.readTree(replaced.body()).at("/monitor/sha256").asText()).isEqualTo(sha256(second));
        assertThat(JSON.readTree(replaced.body()).at("/monitor/bytes").asLong()).isEqualTo(second.length);
        assertThat(send("GET", "/artifact/model/" + model.id() + "/monitor", null).body()).isEqualTo(second);

        assertThat(attach(model.id(), new byte[256 * 1024 + 1]).statusCode()).as("over 256 KiB").isEqualTo(413);
        assertThat(attach(model.id(), new byte[0]).statusCode()).as("empty").isEqualTo(400);
        assertThat(attach(model.id(), new byte[] {(byte) 0xff, (byte) 0xfe}).statusCode()).as("not UTF-8")
                .isEqualTo(400);
        assertThat(send("GET", "/artifact/model/" + model.id() + "/monitor", null).body())
                .as("a refused program changes nothing").isEqualTo(second);
        assertThat(attach("999999", first).statusCode()).isEqualTo(404);
        assertThat(client.put("/artifact/model/999999/sensitive", null).status()).isEqualTo(404);

        HttpResponse<byte[]> removed = send("DELETE", "/artifact/model/" + model.id() + "/monitor", null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).has("monitor")).isFalse();
        assertThat(send("GET", "/artifact/model/" + model.id() + "/monitor", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/artifact/model/" + model.id() + "/monitor", null).statusCode()).isEqualTo(404);
        assertThat(client.anonymous("GET", "/artifact/model/" + model.id() + "/sensitive", null).status())
                .isEqualTo(403);
    }

    @Test
    void theHistoryPagesWithoutRepeatsPerModelAndPerUserAndAsOfAnInstant() throws Exception {
        Model a = upload("acme-a");
        Model b = upload("acme-b");
        registerDownloader("bob");
        String bobA = signer.link(client.baseUrl(), a.id(), a.digest(), "bob", false);
        for (int i = 0; i < 3; i++) {
            assertThat(get(a.link(), Map.of()).statusCode()).isEqualTo(200);
            assertThat(get(bobA, Map.of()).statusCode()).isEqualTo(200);
        }
        Instant between = Instant.now();
        Thread.sleep(20);
        assertThat(get(b.link() + "&aspect=card", Map.of()).statusCode()).isEqualTo(200);

        Set<Long> seen = new HashSet<>();
        List<Long> order = new ArrayList<>();
        String before = null;
        int pages = 0;
        do {
            JsonNode page = history("limit=2" + (before == null ? "" : "&before=" + before));
            for (JsonNode entry : page.path("entries")) {
                assertThat(seen.add(entry.path("position").asLong())).as("no entry twice").isTrue();
                order.add(entry.path("position").asLong());
            }
            before = page.has("next") ? page.path("next").asText() : null;
            if (pages++ == 0) {
                // a download while paging goes to the top, never into a later page
                assertThat(get(b.link(), Map.of()).statusCode()).isEqualTo(200);
            }
        } while (before != null && pages < 20);
        assertThat(seen).hasSize(7);
        assertThat(order).isSortedAccordingTo((x, y) -> Long.compare(y, x));

        assertThat(list(history("user=bob").path("entries"))).hasSize(3).allSatisfy(e ->
                assertThat(e.at("/user/name").asText()).isEqualTo("bob"));
        assertThat(history("artifact_id=" + b.id()).path("entries")).hasSize(2);
        JsonNode asOf = history("as_of=" + between);
        assertThat(asOf.path("as_of").asText()).isEqualTo(between.toString());
        assertThat(list(asOf.path("entries"))).hasSize(6).allSatisfy(e ->
                assertThat(e.at("/artifact/id").asText()).isEqualTo(a.id()));

        for (String bad : List.of("limit=0", "limit=501", "before=x", "as_of=yesterday", "artifact_id=no/such")) {
            HttpExchange refused = client.get("/downloads/history", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(json(refused).path("message").asText()).as(bad).isNotBlank();
        }
        assertThat(client.anonymous("GET", "/downloads/history", null).status()).isEqualTo(403);
        // a reset starts the history afresh, while a read as of before it still shows it
        assertThat(client.delete("/reset").status()).isEqualTo(200);
        assertThat(history("").path("entries")).isEmpty();
        assertThat(history("as_of=" + between).path("entries")).hasSize(6);
    }

    private JsonNode history(String query) {
        HttpExchange exchange = client.get("/downloads/history", query.isEmpty() ? null : query);
        assertThat(exchange.status()).as(exchange.text()).isEqualTo(200);
        assertThat(extensionViolations(exchange)).as("the answer matches the extension document").isEmpty();
        return json(exchange);
    }

    /** A user who may download: a link works only while the user it names exists and holds 'download'. */
    private void registerDownloader(String name) {
        var body = JSON.createObjectNode();
        body.putObject("user").put("name", name).put("is_admin", false);
        body.putObject("secret").put("password", "downloader password 123");
        body.putArray("permissions").add("download");
        HttpExchange registered = client.post("/users", body.toString());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    }

    private Model upload(String name) throws Exception {
        Map<String, byte[]> files = TestZips.model("---\nlicense: mit\n---\n# " + name + "\n");
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/artifact/model/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "&version=1.0.0")).timeout(Duration.ofSeconds(120))
                .header("X-Authorization", client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestZips.zip(files))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        return new Model(created.at("/metadata/id").asText(), created.at("/data/download_url").asText());
    }

    private HttpResponse<byte[]> attach(String id, byte[] program) throws Exception {
        return send("PUT", "/artifact/model/" + id + "/monitor", program);
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) {
        return client.sendBytes(method, path, body, "text/javascript");
    }

    private static HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] program(String name) throws IOException {
        try (InputStream in = SensitiveModelDownloadTest.class.getResourceAsStream("/monitors/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<ValidationReport.Message> extensionViolations(HttpExchange exchange) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                SensitiveModelDownloadTest.class.getClassLoader().getResource("openapi/registry-extensions.yaml")
                        .toString()).build();
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path()).withHeader("X-Authorization", exchange.token());
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        SimpleResponse response = SimpleResponse.Builder.status(exchange.status())
                .withContentType("application/json").withBody(exchange.text()).build();
        return validator.validate(request.build(), response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
    }
}
