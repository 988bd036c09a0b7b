package io.modelregistry.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link on loopback between the registry and one of its components (a database, an object store, a search
 * node, a hub), which a test can cut and mend while traffic flows: the way a network partition, a crashed server
 * or a dropped connection pool looks to the registry. Cut, it closes every open connection and closes each new one
 * as soon as it is accepted (the peer sees a reset, as from a server that is gone); slowed, it holds every chunk
 * for a delay before passing it on.
 */
public final class FaultyLink implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile long delayMillis;

    private FaultyLink(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-link-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A link to the host and port of {@code endpoint} (loopback only). */
    public static FaultyLink to(URI endpoint) {
        try {
            return new FaultyLink(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code endpoint} with its host and port replaced by this link's. */
    public URI through(URI endpoint) {
        return URI.create(endpoint.getScheme() + "://127.0.0.1:" + server.getLocalPort()
                + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath()));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The component is gone: every connection is closed, and new ones are closed when accepted. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** The component is back: connections pass again, at full speed. */
    public void mend() {
        delayMillis = 0;
        cut = false;
    }

    /** The component answers, slowly: each chunk of bytes, either way, waits {@code delay}. */
    public void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(target, 2_000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException unreachable) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long delay = delayMillis;
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                    if (cut) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // one side went away: the other goes too, below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
