package io.modelregistry.hub;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what metadata writes for a related repository (a repo id, a legacy id, a hub or GitHub URL) into a
 * normalised repo id, and refuses what is not one: local paths ({@code ./checkpoint}, {@code /tmp/x},
 * {@code C:\...}), training output folders, and site pages that are not repositories.
 */
public final class RepoIds {

    private static final Pattern HF_SEGMENT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,95})");
    private static final Pattern GH_OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern GH_REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** Single-segment names that are Trainer output folders rather than hub ids. */
    private static final Pattern LOCAL_FOLDER = Pattern.compile(
            "(?i)(checkpoint(s)?([-_]\\d+)?|outputs?([-_].*)?|results?|runs?|tmp.*|temp.*|model|models|saved_model|"
                    + "pretrained|none|null|local|cache)");
    /** First path segments of huggingface.co that are site pages, not model repositories. */
    private static final Set<String> HF_PAGES = Set.of("docs", "spaces", "blog", "papers", "models", "join", "login",
            "settings", "organizations", "tasks", "front", "learn", "pricing", "api", "collections", "posts", "new");

    private RepoIds() {
    }

    /** A hub model id from a metadata value: {@code org/name}, a legacy {@code name}, or a huggingface.co URL. */
    public static Optional<String> model(String raw) {
        String value = clean(raw);
        if (value == null) {
            return Optional.empty();
        }
        if (value.contains("://")) {
            return hubPath(value).filter(path -> !path.startsWith("datasets/")).flatMap(RepoIds::hubRepo);
        }
        if (looksLocal(value)) {
            return Optional.empty();
        }
        return plainRepoId(value);
    }

    /** A hub dataset id from a metadata value ({@code squad}, {@code nyu-mll/glue}) or a datasets URL. */
    public static Optional<String> dataset(String raw) {
        String value = clean(raw);
        if (value == null) {
            return Optional.empty();
        }
        if (value.contains("://")) {
            return hubPath(value).filter(path -> path.startsWith("datasets/"))
                    .flatMap(path -> hubRepo(path.substring("datasets/".length())));
        }
        return looksLocal(value) ? Optional.empty() : plainRepoId(value);
    }

    /** The model repo a huggingface.co URL points at (a page like /docs/... or /datasets/... is not one). */
    public static Optional<String> modelFromUrl(String url) {
        return url != null && url.contains("://") ? model(url) : Optional.empty();
    }

    /** {@code owner/repo} of a github.com URL, or empty for anything else (gists, site pages, other hosts). */
    public static Optional<String> github(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("github.com") && !host.equals("www.github.com")) {
            return Optional.empty();
        }
        String[] segments = segments(uri.getRawPath());
        if (segments.length < 2 || GitHubNames.isSitePage(segments[0])) {
            return Optional.empty();
        }
        String owner = segments[0];
        String repo = segments[1].endsWith(".git") ? segments[1].substring(0, segments[1].length() - 4) : segments[1];
        if (!GH_OWNER.matcher(owner).matches() || !GH_REPO.matcher(repo).matches() || repo.equals(".") || repo.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(owner + "/" + repo);
    }

    private static Optional<String> plainRepoId(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 2 || !validSegments(parts)) {
            return Optional.empty();
        }
        if (parts.length == 1 && LOCAL_FOLDER.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<String> hubPath(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("huggingface.co") && !host.equals("www.huggingface.co") && !host.equals("hf.co")) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return Optional.of(String.join("/", segments(path)));
    }

    /** The repo id at the start of a hub path: {@code org/name/resolve/main/x} → {@code org/name}. */
    private static Optional<String> hubRepo(String path) {
        String[] segments = path.isEmpty() ? new String[0] : path.split("/");
        if (segments.length == 0 || HF_PAGES.contains(segments[0].toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        boolean legacy = segments.length == 1 || isFilePart(segments[1]);
        String[] id = legacy ? new String[] {segments[0]} : new String[] {segments[0], segments[1]};
        return validSegments(id) ? Optional.of(String.join("/", id)) : Optional.empty();
    }

    private static boolean isFilePart(String segment) {
        return segment.equals("resolve") || segment.equals("blob") || segment.equals("tree") || segment.equals("raw")
                || segment.equals("discussions") || segment.equals("commits");
    }

    private static boolean validSegments(String[] parts) {
        for (String part : parts) {
            if (!HF_SEGMENT.matcher(part).matches() || part.contains("..") || part.contains("--") || part.endsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLocal(String value) {
        return value.startsWith("/") || value.startsWith(".") || value.startsWith("~") || value.contains("\\")
                || value.matches("^[A-Za-z]:.*") || value.contains(" ");
    }

    private static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'") || value.startsWith("`") && value.endsWith("`"))) {
            value = value.substring(1, value.length() - 1).strip();
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.isEmpty() || value.length() > 512 ? null : value;
    }

    private static URI parse(String url) {
        if (url == null || url.length() > 2048) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String[] segments(String path) {
        if (path == null) {
            return new String[0];
        }
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
