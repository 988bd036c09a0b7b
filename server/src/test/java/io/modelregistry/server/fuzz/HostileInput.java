package io.modelregistry.server.fuzz;

import java.util.List;

/** The bad-input corpus: strings that have broken servers before, in any field, parameter or path segment. */
final class HostileInput {

    private HostileInput() {
    }

    static final List<String> STRINGS = List.of(
            "' OR '1'='1", "\"; DROP TABLE artifacts;--", "1; SELECT pg_sleep(10)", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}", "#{7*7}{{7*7}}", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "..%2f..%2fetc%2fpasswd", "%00", "\u0000", "a\u0000b", "\r\nX-Injected: 1", "(a+)+$",
            "((((((((((a*)*)*)*)*)*)*)*)*)*)*b", "[", "\\", "*", "x".repeat(10_000), "\uD83D\uDCA5", "\uFEFF",
            "-1", "0", "99999999999999999999999999", "1e309", "NaN", "-0", "true", "null", "{}", "[]",
            "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "http://127.0.0.1:22/",
            "gopher://127.0.0.1:6379/_INFO", "https://huggingface.co/../../etc/passwd",
            "https://huggingface.co@169.254.169.254/x/y", "http://[::1]/", "jar:file:///etc/passwd!/");

    /** URLs an ingest must refuse without fetching: metadata services, local files, other schemes, tricks. */
    static final List<String> SSRF_URLS = List.of(
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://169.254.169.254/", "file:///etc/passwd", "file:/etc/passwd", "http://127.0.0.1:8080/reset",
            "http://localhost/", "http://[::1]:80/", "http://0.0.0.0/", "http://2130706433/",
            "gopher://127.0.0.1:6379/_FLUSHALL", "ftp://huggingface.co/x/y", "jar:file:///etc/passwd!/",
            "https://huggingface.co@169.254.169.254/a/b", "https://169.254.169.254#@huggingface.co/a/b",
            "https://huggingface.co/../../../etc/passwd", "https://huggingface.co/%2e%2e/%2e%2e/etc/passwd",
            "https://huggingface.co:22/a/b", "HTTPS://HUGGINGFACE.CO./a/b", "https://huggingface.co\\@evil.example/a",
            "https://github.com/a/b/../../../../etc/passwd", "https://huggingface.co/datasets/../../x");

    /** Bodies that are not JSON, or JSON a reader must refuse: cut short, nested too deep, huge, not UTF-8. */
    static List<byte[]> malformedBodies() {
        return List.of(
                bytes("{"), bytes("{\"url\":"), bytes("[{\"name\":\"*\"}"), bytes("nul"), bytes("{'url':'x'}"),
                bytes("{\"url\":\"x\",}"), bytes("\"\\uD800\""), bytes("[".repeat(100_000)),
                bytes("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)),
                bytes("[".repeat(2_000) + "]".repeat(2_000)),
                new byte[] {'{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {0, 0, 0, 0},
                bytes("{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}"),
                bytes("1".repeat(100_000)), bytes("{\"url\":1e999999}"), bytes("{\"url\":null}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
