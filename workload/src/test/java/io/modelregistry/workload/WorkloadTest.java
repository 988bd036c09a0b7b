package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole run, kept tiny, against a loopback server that answers as the registry's API does. */
class WorkloadTest {

    private static final String SOURCE = "https://huggingface.co/acme/tiny";
    private final AtomicInteger uploads = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicInteger weightDownloads = new AtomicInteger();
    private volatile int ingestStatus = 201;
    private volatile boolean failEveryUpload;
    private HttpServer server;
    private String baseUrl;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/artifact/model/upload", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (failEveryUpload) {
                answer(exchange, 507, "{\"message\":\"disk full\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            int n = uploads.incrementAndGet();
            answer(exchange, 201, artifact("u" + n, baseUrl + "/download/u" + n));
        });
        server.createContext("/artifact/model", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, ingestStatus, ingestStatus == 201 ? artifact("tiny", baseUrl + "/download/tiny?sig=1")
                    : "{\"message\":\"hub away\"}".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/download/tiny", exchange -> {
            boolean weights = exchange.getRequestURI().getQuery().contains("aspect=weights");
            (weights ? weightDownloads : downloads).incrementAndGet();
            byte[] body = new byte[weights ? 3_000 : 5_000];
            java.util.Arrays.fill(body, (byte) (weights ? 'w' : 'p'));
            answer(exchange, 200, body);
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRunSeedsTheModelsIngestsTheSourceAndDownloadsBothKindsWithIdenticalBytes() {
        Map<String, Object> result = workload(2, Duration.ofMinutes(1)).run();

        assertThat(result).as(result.toString()).containsEntry("state", "succeeded").containsEntry("errors", 0L);
        assertThat(result.keySet().iterator().next()).as("the state comes first").isEqualTo("state");
        assertThat(uploads.get()).isEqualTo(2);
        Map<?, ?> seeding = (Map<?, ?>) result.get("seeding");
        assertThat(seeding.get("models")).isEqualTo(2);
        assertThat(seeding.get("errors")).isEqualTo(0L);
        Map<?, ?> ingest = (Map<?, ?>) result.get("ingest");
        assertThat(ingest.get("id")).isEqualTo("tiny");
        assertThat(ingest.get("already_registered")).isEqualTo(false);
        Map<?, ?> downloaded = (Map<?, ?>) result.get("downloads");
        assertThat(((Map<?, ?>) ((Map<?, ?>) downloaded.get("reference")).get("full")).get("bytes")).isEqualTo(5_000L);
        assertThat(((Map<?, ?>) ((Map<?, ?>) downloaded.get("reference")).get("weights")).get("bytes")).isEqualTo(3_000L);
        Map<?, ?> baseline = (Map<?, ?>) downloaded.get("baseline");
        assertThat(baseline.get("available")).isEqualTo(false);
        assertThat(baseline.get("reason")).isEqualTo("not requested");
        List<?> rounds = (List<?>) downloaded.get("rounds");
        assertThat(rounds).hasSize(1);
        Map<?, ?> full = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) rounds.get(0)).get("full")).get("registry");
        assertThat(full.get("identical_bytes")).isEqualTo(true);
        // one reference download and one measured download (one client, one each) of either kind
        assertThat(downloads.get()).isEqualTo(2);
        assertThat(weightDownloads.get()).isEqualTo(2);
    }

    @Test
    void uploadsTheRegistryRefusesAreCountedAndTheRunFails() {
        failEveryUpload = true;
        Map<String, Object> result = workload(3, Duration.ofMinutes(1)).run();

        assertThat(result).containsEntry("state", "failed");
        Map<?, ?> seeding = (Map<?, ?>) result.get("seeding");
        assertThat(seeding.get("models")).isEqualTo(0);
        assertThat(seeding.get("errors")).isEqualTo(3L);
        assertThat(seeding.get("package_bytes")).isNull();
        assertThat((List<?>) seeding.get("error_messages")).hasSize(3).allSatisfy(message ->
                assertThat(message.toString()).contains("answered 507"));
        assertThat((Long) result.get("errors")).isEqualTo(3L);
    }

    @Test
    void anIngestTheRegistryRefusesEndsTheRunAsFailedWithTheProblemAndNoDownloads() {
        ingestStatus = 502;
        Map<String, Object> result = workload(0, Duration.ofMinutes(1)).run();

        assertThat(result).containsEntry("state", "failed").doesNotContainKey("downloads");
        assertThat((List<?>) result.get("problems")).singleElement().asString().contains("answered 502");
        assertThat(downloads.get() + weightDownloads.get()).isZero();
    }

    @Test
    void aCancelledRunSaysSoAndDownloadsNothing() {
        Workload workload = workload(0, Duration.ofMinutes(1));
        workload.cancel();

        Map<String, Object> result = workload.run();

        assertThat(result).containsEntry("state", "cancelled");
        assertThat((List<?>) result.get("problems")).singleElement().asString().isEqualTo("cancelled");
        assertThat(workload.progress().phase()).isEqualTo("cancelled");
        assertThat(downloads.get() + weightDownloads.get()).isZero();
    }

    private Workload workload(int models, Duration bound) {
        WorkloadParameters parameters = new WorkloadParameters(models, 1, 2048, 4096, 1, 1, 1, bound, SOURCE,
                false, 7, null);
        var http = Workload.httpClient(2);
        return new Workload(parameters, new RegistryApi(http, baseUrl, () -> "bearer t"), http, ServerProbe.none());
    }

    private static byte[] artifact(String id, String link) {
        return ("{\"metadata\":{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"type\":\"model\"},"
                + "\"data\":{\"url\":\"" + SOURCE + "\",\"download_url\":\"" + link + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
