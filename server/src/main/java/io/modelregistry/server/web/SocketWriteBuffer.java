package io.modelregistry.server.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The size of the buffer each connection writes its socket from ({@code registry.http.socket-write-buffer-bytes},
 * Tomcat's {@code socket.appWriteBufSize}, 8 KiB to 1 MiB). Tomcat's default, 8 KiB, makes a 52 MB download
 * about 6,600 write system calls, each after a copy into the buffer and, from a heap buffer, another into a
 * temporary direct one: the largest share of the download path's CPU in a flight recording of the workload
 * (docs/performance.md). A larger buffer costs that much heap per open connection.
 */
@Component
class SocketWriteBuffer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final int MIN_BYTES = 8 * 1024;
    static final int MAX_BYTES = 1024 * 1024;

    private final int bytes;

    SocketWriteBuffer(@Value("${registry.http.socket-write-buffer-bytes:8192}") int bytes) {
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("registry.http.socket-write-buffer-bytes must be from " + MIN_BYTES
                    + " to " + MAX_BYTES + ", not " + bytes);
        }
        this.bytes = bytes;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize",
                Integer.toString(bytes)));
    }
}
