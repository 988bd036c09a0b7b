package io.modelregistry.query.hf;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.ProducedErrors;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.rating.StoredRating;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.query.download.ByteRange;
import io.modelregistry.query.download.DownloadGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HuggingFace Hub's read API under {@code /hf}, so that {@code HF_ENDPOINT=http://registry/hf} points existing
 * Hub clients at the registry: model info, file tree, refs, search over the registry's own directory, and
 * {@code resolve} for one file's bytes; the same for datasets under {@code /hf/api/datasets} and
 * {@code /hf/datasets/{repo}/resolve}, the routes differing only by {@link RepoType}. Field names and error headers are the Hub's (see the recorded responses of
 * the fake hub). Files are served only through the {@link DownloadGate}, one recorded download per file, so a
 * sensitive model's monitor runs as for any download; a model the ingest gate did not vet is refused as a gated
 * repo (datasets are never rated, so never gated). Hub clients send the token as {@code Authorization: Bearer <token>}, which the token filter accepts.
 */
@RestController
class HubController {

    static final int DEFAULT_SEARCH_LIMIT = 50;
    static final int MAX_SEARCH_LIMIT = 1_000;
    /** The size the Hub reports for an LFS pointer file: the files here are all LFS-like (sha-256 known). */
    private static final int POINTER_SIZE = 134;

    private final HubRepos repos;
    private final ArtifactDirectory directory;
    private final ArtifactSearch search;
    private final RatingReadModel ratings;
    private final DownloadGate gate;

    HubController(HubRepos repos, ArtifactDirectory directory, ArtifactSearch search, RatingReadModel ratings,
                  DownloadGate gate) {
        this.repos = repos;
        this.directory = directory;
        this.search = search;
        this.ratings = ratings;
        this.gate = gate;
    }

    /** {@code /hf/api/models?search=&limit=}: registry models whose name (or card) contains the text. */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/hf/api/models", produces = "application/json")
    List<Map<String, Object>> models(@RequestParam(name = "search", required = false) String text,
                                     @RequestParam(name = "limit", required = false) String limitParam) {
        return list(RepoType.MODEL, text, limitParam);
    }

    /** {@code /hf/api/datasets?search=&limit=}: the same over registry datasets. */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/hf/api/datasets", produces = "application/json")
    List<Map<String, Object>> datasets(@RequestParam(name = "search", required = false) String text,
                                       @RequestParam(name = "limit", required = false) String limitParam) {
        return list(RepoType.DATASET, text, limitParam);
    }

    /** Model info, at {@code main} or {@code /revision/{rev}}; tree and refs share the prefix. */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/hf/api/models/{*rest}", produces = "application/json")
    Object model(@PathVariable("rest") String rest, @RequestParam(name = "blobs", required = false) String blobs,
                 @RequestParam(name = "recursive", required = false) String recursive) {
        return repo(RepoType.MODEL, rest, blobs, recursive);
    }

    /** Dataset info, tree and refs, as for a model. */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/hf/api/datasets/{*rest}", produces = "application/json")
    Object dataset(@PathVariable("rest") String rest, @RequestParam(name = "blobs", required = false) String blobs,
                   @RequestParam(name = "recursive", required = false) String recursive) {
        return repo(RepoType.DATASET, rest, blobs, recursive);
    }

    /** {@code HEAD|GET /hf/{repo}/resolve/{rev}/{path}}: one file of a model. */
    @Requires(Access.DOWNLOAD)
    @RequestMapping(path = "/hf/{*rest}", method = {RequestMethod.GET, RequestMethod.HEAD})
    void resolveModelFile(@PathVariable("rest") String rest, @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor,
                          HttpServletRequest request, HttpServletResponse response) throws IOException {
        resolve(RepoType.MODEL, rest, actor, request, response);
    }

    /** {@code HEAD|GET /hf/datasets/{repo}/resolve/{rev}/{path}}: one file of a dataset. */
    @Requires(Access.DOWNLOAD)
    @RequestMapping(path = "/hf/datasets/{*rest}", method = {RequestMethod.GET, RequestMethod.HEAD})
    void resolveDatasetFile(@PathVariable("rest") String rest, @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor,
                            HttpServletRequest request, HttpServletResponse response) throws IOException {
        resolve(RepoType.DATASET, rest, actor, request, response);
    }

    private List<Map<String, Object>> list(RepoType type, String text, String limitParam) {
        int limit = limit(limitParam);
        String pattern = text == null || text.isEmpty() ? ".*" : "\\Q" + text.replace("\\E", "\\E\\\\E\\Q") + "\\E";
        List<Map<String, Object>> found = new ArrayList<>();
        for (var summary : search.byRegex(pattern, MAX_SEARCH_LIMIT)) {
            if (found.size() >= limit) {
                break;
            }
            directory.find(summary.id()).filter(r -> r.type() == type.artifactType())
                    .ifPresent(record -> found.add(summary(type, record)));
        }
        return found;
    }

    private Object repo(RepoType type, String rest, String blobs, String recursive) {
        ApiPath path = ApiPath.parse(type, rest);
        ArtifactRecord latest = repos.find(type, path.repo())
                .orElseThrow(() -> HubError.repoNotFound(type, path.repo()));
        return switch (path.action()) {
            case "refs" -> refs(latest);
            case "tree" -> tree(version(type, latest, path.revision()), path.filePath(),
                    "true".equalsIgnoreCase(recursive));
            default -> info(type, version(type, latest, path.revision()), "true".equalsIgnoreCase(blobs));
        };
    }

    /** One file's bytes, with the headers Hub clients read. */
    private void resolve(RepoType type, String rest, Actor actor, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        ResolvePath path = ResolvePath.parse(rest);
        ArtifactRecord latest = repos.find(type, path.repo())
                .orElseThrow(() -> HubError.repoNotFound(type, path.repo()));
        ArtifactRecord record = version(type, latest, path.revision());
        DownloadGate.Prepared prepared = gate.prepareFile(record, path.filePath()).orElseThrow(() -> new HubError(404, HubError.ENTRY_NOT_FOUND, ErrorMessage.HF_ENTRY_FOUND_FILE_REVISION, path.filePath(), path.repo(), path.revision()));
        if (type.gatedByRating()) {
            requireVetted(record, path.repo());
        }
        String etag = prepared.etag();
        long length = prepared.length();
        response.setHeader("X-Repo-Commit", HubRepos.commit(record));
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader("X-Linked-Etag", etag);
        response.setHeader("X-Linked-Size", Long.toString(length));
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        ByteRange range = ByteRange.of(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE),
                etag, length);
        if (range.unsatisfiable()) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
            throw new HubError(416, "RangeNotSatisfiable", ErrorMessage.HF_REQUESTED_RANGE_OUTSIDE_BYTES, length);
        }
        boolean head = "HEAD".equals(request.getMethod());
        DownloadGate.Cleared cleared = head ? null : gate.clear(prepared, actor, range.length());
        Optional<URI> redirect = cleared == null ? Optional.empty() : cleared.redirect();
        if (redirect.isPresent()) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader(HttpHeaders.LOCATION, redirect.get().toString());
            response.setContentLength(0);
            return;
        }
        response.setContentType("application/octet-stream");
        if (range.partial()) {
            response.setStatus(206);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + length);
        }
        response.setContentLengthLong(range.length());
        if (head || range.length() == 0) {
            return;
        }
        if (cleared.sendAsFile(request, range.first(), range.last())) {
            return; // one stored file: the container sends it zero-copy, the download is recorded already
        }
        OutputStream out = response.getOutputStream();
        cleared.writeRange(range.first(), range.last(), out);
        out.close();
    }

    @ExceptionHandler(HubError.class)
    ResponseEntity<Map<String, Object>> hubError(HubError e) {
        ProducedErrors.record(e.errorMessage());
        return ResponseEntity.status(e.status()).header("X-Error-Code", e.code())
                .header(HttpHeaders.CONTENT_TYPE, "application/json").body(Map.of("error", e.getMessage()));
    }

    /** The registry's own refusals, in the Hub's shape (a Hub client reads {@code X-Error-Code} and {@code error}). */
    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Map<String, Object>> registryError(RegistryException e) {
        ProducedErrors.record(e.errorMessage());
        int status = switch (e.kind()) {
            case INVALID_TOKEN, NOT_PERMITTED -> 401; // a missing permission is 401 as everywhere in the registry
            case REFUSED -> 403;
            case NOT_FOUND -> 404;
            case BAD_REQUEST -> 400;
            case UNAVAILABLE -> 503;
            case TOO_MANY_REQUESTS -> 429;
            case UPSTREAM_UNAVAILABLE -> 502;
            default -> 500;
        };
        var builder = ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "application/json");
        if (e.kind() == RegistryException.Kind.INVALID_TOKEN || e.kind() == RegistryException.Kind.NOT_FOUND) {
            builder.header("X-Error-Code", HubError.REPO_NOT_FOUND);
        } else if (e.kind() == RegistryException.Kind.REFUSED) {
            builder.header("X-Error-Code", HubError.GATED_REPO);
        }
        // "error" is what Hub clients read; "message" is the registry's own field, kept for its tooling
        return builder.body(Map.of("error", e.getMessage(), "message", e.getMessage()));
    }

    private void requireVetted(ArtifactRecord record, String repo) {
        Optional<StoredRating> rating = ratings.latest(record.id());
        if (rating.isEmpty()) {
            throw new HubError(403, HubError.GATED_REPO, ErrorMessage.HF_ACCESS_MODEL_RESTRICTED_RATING, repo);
        }
        if (!rating.get().outcome().vetted()) {
            throw new HubError(403, HubError.GATED_REPO, ErrorMessage.HF_ACCESS_MODEL_RESTRICTED_REGISTRY, repo, rating.get().outcome().gateFindings());
        }
    }

    private ArtifactRecord version(RepoType type, ArtifactRecord latest, String revision) {
        return repos.revision(latest, revision).orElseThrow(() -> new HubError(404, HubError.REVISION_NOT_FOUND, ErrorMessage.HF_REVISION_FOUND_REVISION_USE, HubRepos.hubId(latest), revision, type.word()));
    }

    private boolean vetted(ArtifactRecord record) {
        return ratings.latest(record.id()).map(r -> r.outcome().vetted()).orElse(false);
    }

    private Map<String, Object> summary(RepoType type, ArtifactRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        String id = HubRepos.hubId(record);
        body.put("_id", record.id());
        body.put("id", id);
        if (type == RepoType.MODEL) {
            body.put("modelId", id); // the Hub's dataset info has no such field
        }
        body.put("author", id.contains("/") ? id.substring(0, id.indexOf('/')) : record.registeredBy());
        body.put("sha", HubRepos.commit(record));
        var modified = record.updatedAt() == null ? record.registeredAt() : record.updatedAt();
        body.put("lastModified", modified == null ? null : modified.toString());
        body.put("createdAt", record.registeredAt() == null ? null : record.registeredAt().toString());
        // an upload's "repo id" is its own name: it is private because it never came from the public Hub
        body.put("private", record.repoId() == null || record.repoId().isBlank()
                || io.modelregistry.api.artifact.SourceKind.UPLOAD.name().equals(record.sourceKind()));
        body.put("gated", !type.gatedByRating() || vetted(record) ? Boolean.FALSE : "manual");
        body.put("disabled", false);
        body.put("tags", record.licence() == null ? List.of() : List.of("license:" + record.licence()));
        return body;
    }

    private Map<String, Object> info(RepoType type, ArtifactRecord record, boolean blobs) {
        Map<String, Object> body = summary(type, record);
        List<Map<String, Object>> siblings = new ArrayList<>();
        long used = 0;
        for (PackageManifest.Entry entry : gate.files(record)) {
            Map<String, Object> sibling = new LinkedHashMap<>();
            sibling.put("rfilename", entry.path());
            if (blobs) {
                sibling.put("size", entry.size());
                sibling.put("lfs", Map.of("sha256", entry.sha256(), "size", entry.size(), "pointerSize", POINTER_SIZE));
            }
            used += entry.size();
            siblings.add(sibling);
        }
        body.put("siblings", siblings);
        if (blobs) {
            body.put("usedStorage", used);
        }
        body.put("cardData", Map.of("registry_version", record.version()));
        return body;
    }

    private List<Map<String, Object>> tree(ArtifactRecord record, String prefix, boolean recursive) {
        String base = prefix == null || prefix.isEmpty() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
        List<Map<String, Object>> items = new ArrayList<>();
        Set<String> directories = new LinkedHashSet<>();
        for (PackageManifest.Entry entry : gate.files(record)) {
            if (!entry.path().startsWith(base)) {
                continue;
            }
            String rest = entry.path().substring(base.length());
            int slash = rest.indexOf('/');
            if (!recursive && slash >= 0) {
                directories.add(base + rest.substring(0, slash));
                continue;
            }
            if (recursive) {
                for (int i = rest.indexOf('/'); i >= 0; i = rest.indexOf('/', i + 1)) {
                    directories.add(base + rest.substring(0, i));
                }
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "file");
            item.put("oid", entry.sha256());
            item.put("size", entry.size());
            item.put("path", entry.path());
            item.put("lfs", Map.of("oid", entry.sha256(), "size", entry.size(), "pointerSize", POINTER_SIZE));
            items.add(item);
        }
        if (items.isEmpty() && directories.isEmpty() && !base.isEmpty()) {
            throw new HubError(404, HubError.ENTRY_NOT_FOUND, ErrorMessage.HF_ENTRY_FOUND_FOLDER, prefix, HubRepos.hubId(record));
        }
        List<Map<String, Object>> listing = new ArrayList<>();
        for (String directory : directories) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "directory");
            item.put("oid", HubRepos.commit(record));
            item.put("size", 0);
            item.put("path", directory);
            listing.add(item);
        }
        listing.addAll(items);
        return listing;
    }

    private Map<String, Object> refs(ArtifactRecord latest) {
        List<Map<String, Object>> tags = new ArrayList<>();
        for (ArtifactRecord version : repos.versions(latest)) {
            tags.add(Map.of("name", "v" + version.version(), "ref", "refs/tags/v" + version.version(),
                    "targetCommit", HubRepos.commit(version)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branches", List.of(Map.of("name", "main", "ref", "refs/heads/main",
                "targetCommit", HubRepos.commit(latest))));
        body.put("tags", tags);
        body.put("converts", List.of());
        return body;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_SEARCH_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= MAX_SEARCH_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HubError(400, "BadRequest", ErrorMessage.DOWNLOADS_LIMIT_MUST_WHOLE_NUMBER, MAX_SEARCH_LIMIT);
    }
}
