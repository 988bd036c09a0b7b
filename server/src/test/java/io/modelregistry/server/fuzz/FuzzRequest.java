package io.modelregistry.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One generated request, sent byte for byte as it is: {@code path} and {@code query} are already encoded. */
record FuzzRequest(String operation, String variant, boolean valid, String method, String path, String query,
        Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        String target = path + (query == null ? "" : "?" + query);
        return operation + " [" + variant + "] " + method + " "
                + (target.length() > 300 ? target.substring(0, 300) + "..." : target) + " " + headers.keySet()
                + " " + shown;
    }
}
