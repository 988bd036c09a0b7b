package io.modelregistry.fakehub;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer of the fake: status, extra headers and body bytes. */
record Reply(int status, Map<String, String> headers, byte[] body) {

    Reply {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"), body);
    }

    static Reply json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply file(byte[] body, String contentType, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        return new Reply(200, headers, body);
    }

    /** A hub-style error: JSON body plus the {@code X-Error-Code} header clients branch on. */
    static Reply hubError(int status, String errorCode, String message) {
        return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8", "X-Error-Code", errorCode),
                ("{\"error\":" + JsonText.quote(message) + "}").getBytes(StandardCharsets.UTF_8));
    }

    static Reply redirect(String location) {
        return new Reply(307, Map.of("Location", location, "Content-Type", "application/json; charset=utf-8"),
                ("{\"message\":\"Temporary Redirect\",\"location\":" + JsonText.quote(location) + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    static Reply plainError(int status, String message) {
        return json(status, "{\"error\":" + JsonText.quote(message) + "}");
    }
}
