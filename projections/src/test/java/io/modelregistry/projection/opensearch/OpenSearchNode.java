package io.modelregistry.projection.opensearch;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * One OpenSearch node per test JVM, on 127.0.0.1 on free ports, started by the first test that asks for it and
 * stopped (its data deleted) when the JVM exits. Starting a node takes seconds, so every test class shares it;
 * each class keeps to its own indices by taking its own {@link #uniquePrefix index prefix}.
 *
 * <p>Used by the server module's tests too, through this module's test jar.
 */
public final class OpenSearchNode {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static volatile URI endpoint;

    private OpenSearchNode() {
    }

    /** The node's HTTP endpoint, e.g. {@code http://127.0.0.1:40123}; starts the node on first use. */
    public static URI endpoint() {
        URI started = endpoint;
        if (started == null) {
            synchronized (OpenSearchNode.class) {
                if (endpoint == null) {
                    endpoint = start();
                }
                started = endpoint;
            }
        }
        return started;
    }

    /** An index prefix no other caller in this JVM gets, so test classes never see each other's documents. */
    public static String uniquePrefix(String name) {
        return "test-" + name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + PREFIXES.incrementAndGet() + "-";
    }

    /** Settings for the node with {@code indexPrefix}, every other value at its default. */
    public static OpenSearchSettings settings(String indexPrefix) {
        return OpenSearchSettings.forEndpoint(endpoint(), indexPrefix);
    }

    /** A plain client of the node (closed with the JVM; cheap enough to make one per test class). */
    public static OpenSearchClient client() {
        return OpenSearchClients.plain(settings("unused-"));
    }

    private static URI start() {
        int httpPort = freePort();
        int transportPort = freePort();
        Path home;
        try {
            home = Files.createDirectories(Path.of("target")).resolve("opensearch-node-" + ProcessHandle.current().pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenSearchRunner runner = new OpenSearchRunner();
        // The runner probes upwards from baseHttpPort + node number for a port nothing answers on, up to its maximum
        // (9299 by default, below any free port the system hands out): raise the maximum with the base.
        runner.setMaxHttpPort(Math.min(65535, httpPort + 100));
        runner.onBuild((number, settings) -> settings
                .put("network.host", "127.0.0.1")
                .put("transport.port", transportPort)
                .put("discovery.type", "single-node")
                .put("http.cors.enabled", false)
                .put("action.auto_create_index", true)
                // a test machine's disk may be fuller than the default watermarks allow; tests write little
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("indices.breaker.total.use_real_memory", false));
        runner.build(newConfigs().basePath(home.toAbsolutePath().toString()).numOfNode(1)
                .baseHttpPort(httpPort - 1).clusterName("registry-test-" + ProcessHandle.current().pid())
                .disableESLogger());
        runner.ensureYellow();
        String port = runner.node().settings().get("http.port");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException | RuntimeException ignored) {
                // the JVM is going: nothing left to tell
            }
            runner.clean();
        }, "opensearch-node-stop"));
        return URI.create("http://127.0.0.1:" + port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
