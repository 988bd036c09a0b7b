package io.modelregistry.server.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving one directory with {@code sendfile on}, as the baseline of {@link DownloadBenchmark}: run
 * as the current user from a generated config under a temporary prefix, in the foreground, on loopback on a free
 * port. Nothing is installed: the benchmark needs {@code nginx} (path from {@code benchmark.nginx}, default
 * {@code /usr/sbin/nginx}); the test suite does not.
 */
final class NginxServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path prefix;

    private NginxServer(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    static NginxServer serve(Path root, int workers) throws IOException, InterruptedException {
        Path binary = Path.of(System.getProperty("benchmark.nginx", "/usr/sbin/nginx"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("The download benchmark compares against nginx, which is not at " + binary
                    + " (apt-get install nginx-light, or -Dbenchmark.nginx=/path/to/nginx)");
        }
        Path prefix = Files.createTempDirectory("benchmark-nginx");
        Files.createDirectories(prefix.resolve("logs"));
        int port = freePort();
        String config = """
                daemon off;
                master_process on;
                worker_processes %d;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_timeout 65;
                    client_body_temp_path %s/client_body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    types { application/zip zip; }
                    server {
                        listen 127.0.0.1:%d;
                        root %s;
                    }
                }
                """.formatted(workers, prefix, prefix, prefix, prefix, prefix, prefix, prefix, port, root);
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", conf.toString(),
                "-e", prefix.resolve("logs/error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        NginxServer server = new NginxServer(process, port, prefix);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return server;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    server.close();
                    throw new IllegalStateException("nginx did not listen on port " + port + " within 20 s");
                }
                Thread.sleep(50);
            }
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path prefix() {
        return prefix;
    }

    /** SIGTERM to the master, which stops its workers (fast shutdown). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
