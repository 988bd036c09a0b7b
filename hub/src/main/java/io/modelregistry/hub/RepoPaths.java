package io.modelregistry.hub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Paths of files inside a source repository, as a listing declares them. They name zip entries and URL
 * paths, so only plain relative paths are accepted: no absolute paths, dot segments, backslashes or control
 * characters (no zip slip, no request smuggling).
 */
public final class RepoPaths {

    public static final String MANIFEST = "registry-manifest.json";
    private static final int MAX_CHARS = 1024;
    private static final int MAX_SEGMENTS = 64;

    private RepoPaths() {
    }

    public static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_CHARS || path.startsWith("/")) {
            return false;
        }
        if (path.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
            return false;
        }
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return false;
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Safe, and not the name the bundle reserves for its own manifest. */
    public static boolean isStorable(String path) {
        return isSafe(path) && !path.equals(MANIFEST);
    }

    /** Percent-encodes each segment of a safe relative path for use in a URL path. */
    public static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(encodeSegment(segment));
        }
        return out.toString();
    }

    public static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
