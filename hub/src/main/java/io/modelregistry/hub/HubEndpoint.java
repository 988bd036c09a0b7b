package io.modelregistry.hub;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One configured upstream (HuggingFace, the GitHub API, the GitHub server): its base URL and optional
 * token. Requests go only below the base URL, and redirects are followed only if they stay below it. The
 * token is sent as a bearer token and never printed ({@link #toString()} leaves it out).
 */
public final class HubEndpoint {

    private final String name;
    private final URI base;
    private final String basePath;
    private final String token;

    private HubEndpoint(String name, URI base, String token) {
        this.name = name;
        this.base = base;
        this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    /**
     * @param name    what to call the service in messages ("HuggingFace", "GitHub")
     * @param baseUrl an absolute http(s) URL without user info, query or fragment; a trailing slash is dropped
     * @param token   may be null or blank: no Authorization header is sent then
     */
    public static HubEndpoint of(String name, String baseUrl, String token) {
        URI uri;
        try {
            uri = URI.create(stripTrailingSlashes(baseUrl.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + name + " endpoint URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " endpoint must be an absolute http(s) URL without user info,"
                    + " query or fragment");
        }
        return new HubEndpoint(name, uri, token);
    }

    private static String stripTrailingSlashes(String url) {
        String out = url;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    public String name() {
        return name;
    }

    /** @param pathAndQuery starts with '/', already percent-encoded */
    public URI resolve(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        return URI.create(base.toString() + pathAndQuery);
    }

    /** Whether {@code uri} lies below this endpoint: same scheme, host and port, and below its base path. */
    public boolean contains(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getScheme() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        if (!uri.getScheme().equalsIgnoreCase(base.getScheme()) || !uri.getHost().equalsIgnoreCase(base.getHost())
                || effectivePort(uri) != effectivePort(base)) {
            return false;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.contains("/../") || path.endsWith("/..") || path.contains("/./")) {
            return false;
        }
        return basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/");
    }

    /** The path and query of {@code uri} below this endpoint's base (for following a link it sent), if it lies below. */
    public Optional<String> relativize(URI uri) {
        if (!contains(uri)) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String below = path.substring(basePath.length());
        return Optional.of((below.startsWith("/") ? below : "/" + below)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    public Optional<String> authorization() {
        return token == null ? Optional.empty() : Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
        return name + "[" + base + (token == null ? "" : ", token set") + "]";
    }
}
