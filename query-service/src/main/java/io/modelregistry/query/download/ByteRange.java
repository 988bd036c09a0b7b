package io.modelregistry.query.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a download a request asks for: one {@code Range: bytes=first-last} (or {@code first-}, or the
 * suffix {@code -n}), honoured only when an {@code If-Range} validator, if sent, is this download's ETag. A header
 * this does not understand, or several ranges, give the whole body, which HTTP allows; a range that starts past
 * the end is unsatisfiable (416).
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive ({@code first - 1} for an empty body)
 */
public record ByteRange(long first, long last, boolean partial, boolean unsatisfiable) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    public static ByteRange of(String header, String ifRange, String etag, long length) {
        ByteRange whole = new ByteRange(0, length - 1, false, false);
        if (header == null || (ifRange != null && !ifRange.trim().equals(etag))) {
            return whole;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return whole;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    return new ByteRange(0, -1, true, true);
                }
                return new ByteRange(Math.max(0, length - suffix), length - 1, true, false);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            if (m.group(2).isEmpty() ? false : Long.parseLong(m.group(2)) < first) {
                return whole; // syntactically invalid: ignored
            }
            if (first >= length) {
                return new ByteRange(0, -1, true, true);
            }
            return new ByteRange(first, last, true, false);
        } catch (NumberFormatException e) {
            return whole;
        }
    }

    public long length() {
        return last - first + 1;
    }
}
