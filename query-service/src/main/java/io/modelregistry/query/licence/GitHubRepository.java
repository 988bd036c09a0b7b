package io.modelregistry.query.licence;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.GitHubNames;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code owner/repo} a user's {@code github_url} names. Only github.com URLs are accepted, and only their
 * owner and repository are kept: the registry then asks the configured GitHub API about them, never the host
 * the user wrote (no server-side request forgery).
 */
record GitHubRepository(String owner, String name) {

    static final int MAX_URL = 2048;
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    static GitHubRepository parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw invalid();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw invalid();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1 || uri.getPort() == 443 && scheme.equals("https")
                || uri.getPort() == 80 && scheme.equals("http");
        if (!(scheme.equals("https") || scheme.equals("http")) || !(host.equals("github.com") || host.equals("www.github.com"))
                || uri.getRawUserInfo() != null || !defaultPort) {
            throw invalid();
        }
        String[] segments = Arrays.stream(uri.getPath() == null ? new String[0] : uri.getPath().split("/"))
                .filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (segments.length < 2) {
            throw invalid();
        }
        String owner = segments[0];
        String repo = segments[1].toLowerCase(Locale.ROOT).endsWith(".git")
                ? segments[1].substring(0, segments[1].length() - 4) : segments[1];
        if (!OWNER.matcher(owner).matches() || GitHubNames.isSitePage(owner)
                || !REPO.matcher(repo).matches() || repo.equals(".") || repo.equals("..")) {
            throw invalid();
        }
        return new GitHubRepository(owner, repo);
    }

    String fullName() {
        return owner + "/" + name;
    }

    private static RegistryException invalid() {
        return ErrorMessage.LICENCE_GITHUB_URL_MUST_GITHUB.exception();
    }
}
