package io.modelregistry.hub;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.error.RegistryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a user-submitted source URL into a {@link SourceRef}, or refuses it with a 400 that says why.
 *
 * <p>Only http(s) URLs of huggingface.co / hf.co, github.com and kaggle.com (optionally with {@code www.})
 * are accepted, without user info or an explicit port; repo-id segments are {@code [A-Za-z0-9._-]{1,96}}.
 * The URL is only parsed: nothing is ever fetched from its host (no SSRF), the fetchers go to the configured
 * endpoints with the repo id found here. Query strings, fragments and trailing slashes are ignored.
 */
public final class SourceUrlParser {

    public static final int MAX_URL_CHARS = 2048;
    private static final int MAX_PATH_SEGMENTS = 64;
    private static final int MAX_SUB_PATH_SEGMENTS = 32;
    private static final int MAX_KAGGLE_TRAILING_SEGMENTS = 4;

    private static final Pattern REPO_SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,96}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    /** File and folder names inside a repo: a bit wider than repo names, still nothing that needs escaping. */
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._+@=,~-]{1,255}");

    private static final Set<String> HUGGINGFACE_HOSTS = Set.of("huggingface.co", "www.huggingface.co", "hf.co");
    private static final Set<String> GITHUB_HOSTS = Set.of("github.com", "www.github.com");
    private static final Set<String> KAGGLE_HOSTS = Set.of("kaggle.com", "www.kaggle.com");

    /** First path segments of huggingface.co that are site pages, not (legacy) repo ids. */
    private static final Set<String> HUGGINGFACE_PAGES = Set.of("api", "models", "docs", "papers", "collections",
            "settings", "organizations", "blog", "pricing", "join", "login", "new", "learn", "tasks", "chat", "posts",
            "enterprise", "search", "huggingface");
    private static final Set<String> HUGGINGFACE_VERBS = Set.of("tree", "blob", "resolve", "raw");
    private static final Set<String> GITHUB_VERBS = Set.of("tree", "blob");

    public SourceRef parse(ArtifactType type, String url) {
        if (type == null) {
            throw ErrorMessage.HUB_ARTIFACT_TYPE_REQUIRED.exception();
        }
        URI uri = toUri(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        List<String> segments = segments(uri.getRawPath());
        if (HUGGINGFACE_HOSTS.contains(host)) {
            return huggingFace(type, segments);
        }
        if (GITHUB_HOSTS.contains(host)) {
            return gitHub(segments);
        }
        if (KAGGLE_HOSTS.contains(host)) {
            return kaggle(type, segments);
        }
        throw ErrorMessage.HUB_UNSUPPORTED_HOST_SOURCES_MUST.exception(clip(host));
    }

    private static URI toUri(String url) {
        if (url == null || url.isBlank()) {
            throw ErrorMessage.HUB_SOURCE_URL_REQUIRED.exception();
        }
        if (url.length() > MAX_URL_CHARS) {
            throw ErrorMessage.HUB_SOURCE_URL_LONGER_CHARACTERS.exception(MAX_URL_CHARS);
        }
        String trimmed = url.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw ErrorMessage.HUB_SOURCE_URL_MUST_CONTAIN.exception();
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw ErrorMessage.HUB_SOURCE_URL_VALID_URL.exception();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.isOpaque()) {
            throw ErrorMessage.HUB_HTTP_S_URLS_HUGGINGFACE.exception();
        }
        if (uri.getRawUserInfo() != null) {
            throw ErrorMessage.HUB_SOURCE_URL_MUST_CONTAIN_USER.exception();
        }
        String authority = uri.getRawAuthority();
        if (authority == null || uri.getHost() == null) {
            throw ErrorMessage.HUB_SOURCE_URL_VALID_HOST.exception();
        }
        if (uri.getPort() != -1 || !authority.equalsIgnoreCase(uri.getHost())) {
            throw ErrorMessage.HUB_SOURCE_URL_MUST_NAME.exception();
        }
        return uri;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
            if (segments.size() > MAX_PATH_SEGMENTS) {
                throw ErrorMessage.HUB_SOURCE_URL_TOO_MANY.exception();
            }
        }
        return segments;
    }

    private static SourceRef huggingFace(ArtifactType type, List<String> segments) {
        if (segments.isEmpty()) {
            throw ErrorMessage.HUB_URL_NAMES_HUGGINGFACE_REPOSITORY.exception();
        }
        String first = segments.get(0);
        boolean dataset = first.equals("datasets");
        if (first.equals("spaces")) {
            throw ErrorMessage.HUB_HUGGINGFACE_SPACES_SUPPORTED_GIVE.exception();
        }
        if (!dataset && HUGGINGFACE_PAGES.contains(first)) {
            throw ErrorMessage.HUB_HUGGINGFACE_CO_URL_SITE.exception();
        }
        int start = dataset ? 1 : 0;
        if (segments.size() <= start) {
            throw ErrorMessage.HUB_URL_NAMES_HUGGINGFACE_DATASET.exception();
        }
        String repoId;
        int rest;
        if (segments.size() > start + 1 && !HUGGINGFACE_VERBS.contains(segments.get(start + 1))) {
            repoId = repoSegment(segments.get(start), "organisation") + "/"
                    + repoSegment(segments.get(start + 1), "repository name");
            rest = start + 2;
        } else {
            repoId = repoSegment(segments.get(start), "repository name"); // a legacy id without an org
            rest = start + 1;
        }
        Tail tail = tail(segments, rest, HUGGINGFACE_VERBS, "HuggingFace");
        SourceKind kind = dataset ? SourceKind.HUGGINGFACE_DATASET : SourceKind.HUGGINGFACE_MODEL;
        requireCompatible(type, kind);
        String canonical = "https://huggingface.co/" + (dataset ? "datasets/" : "") + repoId;
        return new SourceRef(kind, repoId, tail.revision() == null ? "main" : tail.revision(), tail.subPath(), canonical);
    }

    private static SourceRef gitHub(List<String> segments) {
        if (segments.size() < 2 || GitHubNames.isSitePage(segments.get(0))) {
            throw ErrorMessage.HUB_URL_NAMES_GITHUB_REPOSITORY.exception();
        }
        String owner = repoSegment(segments.get(0), "owner");
        String repo = segments.get(1);
        if (repo.toLowerCase(Locale.ROOT).endsWith(".git")) {
            repo = repo.substring(0, repo.length() - ".git".length());
        }
        repo = repoSegment(repo, "repository name");
        Tail tail = tail(segments, 2, GITHUB_VERBS, "GitHub");
        // every artifact type may come from GitHub: no compatibility check needed
        return new SourceRef(SourceKind.GITHUB_REPOSITORY, owner + "/" + repo, tail.revision(), tail.subPath(),
                "https://github.com/" + owner + "/" + repo);
    }

    private static SourceRef kaggle(ArtifactType type, List<String> segments) {
        if (segments.size() < 3 || !segments.get(0).equals("datasets")) {
            throw ErrorMessage.HUB_KAGGLE_DATASET_URLS_HTTPS.exception();
        }
        String owner = repoSegment(segments.get(1), "owner");
        String name = repoSegment(segments.get(2), "dataset name");
        List<String> trailing = segments.subList(3, segments.size());
        if (trailing.size() > MAX_KAGGLE_TRAILING_SEGMENTS
                || !trailing.stream().allMatch(s -> REPO_SEGMENT.matcher(s).matches())) {
            throw ErrorMessage.HUB_UNSUPPORTED_KAGGLE_URL_FORM.exception();
        }
        requireCompatible(type, SourceKind.KAGGLE_DATASET);
        return new SourceRef(SourceKind.KAGGLE_DATASET, owner + "/" + name, null, null,
                "https://www.kaggle.com/datasets/" + owner + "/" + name);
    }

    /** What may follow the repo id: nothing, {@code /tree/REV[/PATH]} or {@code /blob/REV/FILE} (and kin). */
    private static Tail tail(List<String> segments, int from, Set<String> verbs, String service) {
        if (from >= segments.size()) {
            return new Tail(null, null);
        }
        String verb = segments.get(from);
        if (!verbs.contains(verb)) {
            throw ErrorMessage.HUB_UNSUPPORTED_URL_FORM_GIVE.exception(service);
        }
        if (segments.size() < from + 2) {
            throw ErrorMessage.HUB_URL_NAMES_REVISION_AFTER.exception(service, verb);
        }
        String revision = segments.get(from + 1);
        if (!REVISION.matcher(revision).matches() || isDotsOnly(revision)) {
            throw ErrorMessage.HUB_URL_NAMES_INVALID_REVISION.exception(service);
        }
        List<String> path = segments.subList(from + 2, segments.size());
        if (!verb.equals("tree") && path.isEmpty()) {
            throw ErrorMessage.HUB_URL_NAMES_FILE_AFTER.exception(service, verb, revision);
        }
        if (path.size() > MAX_SUB_PATH_SEGMENTS) {
            throw ErrorMessage.HUB_URL_S_PATH_INSIDE.exception(service);
        }
        for (String segment : path) {
            if (!PATH_SEGMENT.matcher(segment).matches() || isDotsOnly(segment)) {
                throw ErrorMessage.HUB_URL_S_PATH_INSIDE_REPOSITORY.exception(service);
            }
        }
        return new Tail(revision, path.isEmpty() ? null : String.join("/", path));
    }

    private static String repoSegment(String segment, String what) {
        if (!REPO_SEGMENT.matcher(segment).matches() || isDotsOnly(segment)) {
            throw ErrorMessage.HUB_URL_INVALID_ALLOWED_LETTERS.exception(what);
        }
        return segment;
    }

    private static boolean isDotsOnly(String segment) {
        return segment.chars().allMatch(c -> c == '.');
    }

    private static void requireCompatible(ArtifactType type, SourceKind kind) {
        boolean ok = switch (type) {
            case MODEL -> kind == SourceKind.HUGGINGFACE_MODEL || kind == SourceKind.GITHUB_REPOSITORY;
            case DATASET -> kind != SourceKind.HUGGINGFACE_MODEL;
            case CODE -> kind == SourceKind.GITHUB_REPOSITORY;
        };
        if (ok) {
            return;
        }
        String source = switch (kind) {
            case HUGGINGFACE_MODEL -> "a HuggingFace model";
            case HUGGINGFACE_DATASET -> "a HuggingFace dataset";
            case KAGGLE_DATASET -> "a Kaggle dataset";
            case GITHUB_REPOSITORY -> "a GitHub repository";
            case UPLOAD -> "an uploaded zip";
        };
        String accepted = switch (type) {
            case MODEL -> "a HuggingFace model (https://huggingface.co/ORG/NAME) or a GitHub repository";
            case DATASET -> "a HuggingFace dataset (https://huggingface.co/datasets/ORG/NAME), a GitHub repository"
                    + " or a Kaggle dataset";
            case CODE -> "a GitHub repository (https://github.com/OWNER/REPO)";
        };
        throw ErrorMessage.HUB_ARTIFACT_CANNOT_INGESTED_MUST.exception(type.wireName(), source, accepted);
    }

    private static String clip(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    private record Tail(String revision, String subPath) {
    }
}
