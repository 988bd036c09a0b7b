package io.modelregistry.hub;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns fetched bytes into the bounded text documents an artifact keeps. */
public final class BoundedText {

    private BoundedText() {
    }

    /**
     * The first {@code maxBytes} bytes as UTF-8, cut on a character boundary; malformed input becomes U+FFFD
     * rather than an error (READMEs in the wild are not always clean UTF-8).
     */
    public static String utf8Prefix(byte[] bytes, int maxBytes) {
        if (bytes == null) {
            return null;
        }
        int end = Math.min(bytes.length, maxBytes);
        if (end < bytes.length) {
            // step back over continuation bytes (10xxxxxx) so the cut does not split a character
            int back = end;
            while (back > 0 && end - back < 4 && (bytes[back] & 0xC0) == 0x80) {
                back--;
            }
            end = back;
        }
        return new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8);
    }

    /** The whole text, or null when it is longer than {@code maxBytes}: a cut JSON document is worse than none. */
    public static String utf8WholeOrNull(byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length > maxBytes) {
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
