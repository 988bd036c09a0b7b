package io.modelregistry.workload;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving one directory with {@code sendfile on}: the ceiling the registry's downloads are measured
 * against. Run as the current user, in the foreground, from a generated config under a temporary prefix, on loopback
 * on a free port. Nothing is installed: without an nginx binary the run says so and measures the registry alone.
 * The one way the workload and the older download benchmark start nginx; the directory served must be readable by
 * nginx's workers (they run as {@code nobody} when nginx is started as root).
 */
public final class NginxBaseline implements AutoCloseable {

    private static final List<String> CANDIDATES = List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx");

    private final Process process;
    private final int port;

    private NginxBaseline(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The nginx binary: {@code workload.nginx} if set, else the first of Debian's usual paths that exists. */
    public static Optional<Path> binary() {
        String configured = System.getProperty("workload.nginx", "");
        if (!configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public static NginxBaseline serve(Path binary, Path root, int workers) throws IOException, InterruptedException {
        Path prefix = Files.createTempDirectory("workload-nginx");
        Files.createDirectories(prefix.resolve("logs"));
        int port = freePort();
        String config = """
                daemon off;
                master_process on;
                worker_processes %d;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 4096; }
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
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        NginxBaseline nginx = new NginxBaseline(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return nginx;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    nginx.close();
                    throw new IOException("nginx did not listen on port " + port + " within 20 s");
                }
                Thread.sleep(50);
            }
        }
    }

    public String url(String file) {
        return "http://127.0.0.1:" + port + "/" + file;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM to the master, which stops its workers. */
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
