package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The download phase against a loopback server whose answers the test controls. */
class DownloadPhaseTest {

    private final byte[] file = new byte[300_000];
    private final AtomicInteger served = new AtomicInteger();
    private volatile int corruptAnswer = -1;
    private final AtomicInteger tokensSentToTheFile = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        new Random(1).nextBytes(file);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/resolve", exchange -> {
            boolean authorized = "bearer t".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Location", "/file.zip?X-Amz-Signature=s");
            exchange.sendResponseHeaders(authorized ? 302 : 401, -1);
            exchange.close();
        });
        server.createContext("/file.zip", exchange -> {
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                tokensSentToTheFile.incrementAndGet();
            }
            byte[] body = file.clone();
            if (served.getAndIncrement() == corruptAnswer) {
                body[body.length / 2] ^= 1;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyClientDownloadsItsShareAndTheFiguresCountExactlyThoseBytes() throws Exception {
        Map<String, Object> result = phase(Duration.ofMinutes(1)).run(url(), reference(), 4, 3);
        assertThat(result).containsEntry("downloads", 12L).containsEntry("errors", 0L)
                .containsEntry("identical_bytes", true).containsEntry("bytes", 12L * file.length);
        @SuppressWarnings("unchecked")
        Map<String, Object> latency = (Map<String, Object>) result.get("latency_ms");
        assertThat(((Number) latency.get("max")).doubleValue())
                .isGreaterThanOrEqualTo(((Number) latency.get("median")).doubleValue());
        assertThat(served.get()).isEqualTo(12);
    }

    @Test
    void aRedirectIsFollowedOnceWithoutTheTokenAndCounted() throws Exception {
        DownloadPhase.Target resolve = new DownloadPhase.Target(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/resolve", () -> "bearer t");
        Map<String, Object> result = phase(Duration.ofMinutes(1)).run(resolve, reference(), 2, 2);
        assertThat(result).containsEntry("downloads", 4L).containsEntry("errors", 0L).containsEntry("redirected", 4L);
        assertThat(tokensSentToTheFile.get()).as("the presigned URL is its own credential").isZero();
        assertThat(phase(Duration.ofMinutes(1)).run(url(), reference(), 1, 1)).containsEntry("redirected", 0L);
    }

    @Test
    void aBodyWithOneFlippedBitIsAnErrorNotADownload() throws Exception {
        corruptAnswer = 2;
        Map<String, Object> result = phase(Duration.ofMinutes(1)).run(url(), reference(), 2, 3);
        assertThat(result).containsEntry("downloads", 5L).containsEntry("errors", 1L)
                .containsEntry("identical_bytes", false);
        assertThat((List<?>) result.get("error_messages")).singleElement().asString().contains("CRC-32C");
    }

    @Test
    void afterTheTimeBoundNoDownloadStarts() throws Exception {
        Deadline over = new Deadline(Duration.ofNanos(1));
        Thread.sleep(1);
        Map<String, Object> result = new DownloadPhase(Workload.httpClient(2), over, new WorkloadProgress())
                .run(url(), reference(), 3, 2);
        assertThat(result).containsEntry("downloads", 0L).containsEntry("not_started", 6L)
                .containsEntry("identical_bytes", false);
        assertThat(served.get()).isZero();
    }

    private DownloadPhase phase(Duration bound) {
        return new DownloadPhase(Workload.httpClient(4), new Deadline(bound), new WorkloadProgress());
    }

    private DownloadPhase.Reference reference() {
        CRC32C crc = new CRC32C();
        crc.update(file);
        return new DownloadPhase.Reference(file.length, crc.getValue());
    }

    private DownloadPhase.Target url() {
        return DownloadPhase.Target.link("http://127.0.0.1:" + server.getAddress().getPort() + "/file.zip");
    }
}
