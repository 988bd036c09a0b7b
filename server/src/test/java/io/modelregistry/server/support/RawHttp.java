package io.modelregistry.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a bare socket, for requests {@link java.net.http.HttpClient} refuses to send (an encoded NUL
 * or invalid UTF-8 in the path, a NUL in a header, {@code TRACE}, a chunked body of a chosen size). Every request
 * closes its connection, and every read has a timeout: a hanging server fails the test instead of stopping it.
 */
public final class RawHttp {

    /** A parsed answer: status, headers (names in lower case), body (de-chunked). */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final int timeoutMillis;

    public RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends a request head (request line and headers, lines without CRLF) and a body as given, byte for byte. */
    public Answer send(String requestLine, Map<String, String> headers, byte[] body) {
        return send(requestLine, headers, body, false);
    }

    /**
     * As {@link #send(String, Map, byte[])}, then closes the sending half of the connection: a client that stops
     * short of the body it declared, so the server sees the body end where the bytes do (and does not wait for more).
     */
    public Answer sendThenStop(String requestLine, Map<String, String> headers, byte[] body) {
        return send(requestLine, headers, body, true);
    }

    private Answer send(String requestLine, Map<String, String> headers, byte[] body, boolean stop) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, requestLine + "\r\n");
        write(head, "Host: 127.0.0.1:" + port + "\r\n");
        write(head, "Connection: close\r\n");
        headers.forEach((name, value) -> write(head, name + ": " + value + "\r\n"));
        write(head, "\r\n");
        return exchange(head.toByteArray(), body == null ? new byte[0] : body, stop);
    }

    /** A body sent chunked (no Content-Length) in pieces of 8 KiB. */
    public static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 8192) {
            int n = Math.min(8192, body.length - at);
            write(out, Integer.toHexString(n) + "\r\n");
            out.write(body, at, n);
            write(out, "\r\n");
        }
        write(out, "0\r\n\r\n");
        return out.toByteArray();
    }

    private Answer exchange(byte[] head, byte[] body, boolean stop) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            try {
                out.write(body);
                out.flush();
                if (stop) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedMidBody) {
                // the server may answer and close before it has read all of a body it refuses: read the answer
            }
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a server that closes after a refusal may reset the connection once its answer is out
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new AssertionError("not an HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0]
                    .trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
