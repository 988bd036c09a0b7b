package io.modelregistry.rating;

import io.modelregistry.hub.HubLookup;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The git server repositories are cloned from ({@code GITHUB_SERVER_URL}, default {@code https://github.com}):
 * {@code <server>/<owner>/<repo>.git}. The URL is built from the configured base and a validated OWNER/REPO,
 * never from user input, so a card cannot make the registry clone from elsewhere. {@code file:} is accepted
 * only when the configured server itself is a file URL (tests keep repositories in a temp dir); the token,
 * if any, is sent only to an https server and never printed.
 */
public final class GitServer {

    private final String base;
    private final boolean local;
    private final String token;

    private GitServer(String base, boolean local, String token) {
        this.base = base;
        this.local = local;
        this.token = token;
    }

    public static GitServer of(String serverUrl, String token) {
        String url = serverUrl == null ? "" : serverUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GITHUB_SERVER_URL is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return new GitServer(Path.of(uri).toString(), true, null);
        }
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("GITHUB_SERVER_URL must be an http(s) URL without user info, query or"
                    + " fragment, or a file: URL");
        }
        boolean https = scheme.equals("https");
        return new GitServer(url, false, https && token != null && !token.isBlank() ? token.strip() : null);
    }

    /** Where OWNER/REPO is cloned from: a URL, or for a file server a local path. */
    public String cloneUri(String fullName) {
        if (!HubLookup.isGitHubFullName(fullName)) {
            throw new IllegalArgumentException("not a GitHub owner/repo");
        }
        if (local) {
            return Path.of(base, fullName + ".git").toUri().toString();
        }
        return base + "/" + fullName + ".git";
    }

    /** Credentials for the clone: only with a token, only for https. */
    public CredentialsProvider credentials() {
        return token == null ? null : new UsernamePasswordCredentialsProvider("x-access-token", token);
    }

    boolean local() {
        return local;
    }

    @Override
    public String toString() {
        return "GitServer[" + base + (token == null ? "" : ", token set") + "]";
    }
}
