package io.modelregistry.fakehub;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/** An answer whose headers come at once and whose body then drips in, for tests of a client's body timeout. */
public final class TricklingBody {

    private TricklingBody() {
    }

    /** 200, then {@code bytes} spaces, one every {@code gap}; stops quietly when the client hangs up. */
    public static void send(HttpExchange exchange, int bytes, Duration gap) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < bytes; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(gap.toMillis());
            }
        } catch (IOException e) {
            // the client hung up, as it should
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
