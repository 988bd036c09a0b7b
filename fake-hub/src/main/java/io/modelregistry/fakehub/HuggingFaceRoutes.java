package io.modelregistry.fakehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The HuggingFace Hub half of the fake, below {@code /huggingface}: model and dataset info, refs, file
 * downloads ({@code resolve}/{@code raw}, any revision served from {@code main}), the model listing, the
 * 307 redirects of legacy ids without an org, and gated repos whose files answer 401.
 */
final class HuggingFaceRoutes {

    static final String PREFIX = "/huggingface";

    /** Legacy (org-less) ids the real hub still redirects to their canonical repo. */
    private static final Map<String, String> MODEL_ALIASES = Map.of(
            "bert-base-uncased", "google-bert/bert-base-uncased",
            "distilbert-base-uncased", "distilbert/distilbert-base-uncased",
            "distilbert-base-uncased-finetuned-sst-2-english",
            "distilbert/distilbert-base-uncased-finetuned-sst-2-english");
    private static final Map<String, String> DATASET_ALIASES = Map.of(
            "bookcorpus", "bookcorpus/bookcorpus",
            "squad", "rajpurkar/squad",
            "imdb", "stanfordnlp/imdb",
            "glue", "nyu-mll/glue");
    /** Words that follow a repo id in API paths; seeing one in second place means the id had no org. */
    private static final Set<String> API_TAIL_WORDS = Set.of("revision", "refs", "tree", "paths-info", "commits");
    private static final Set<String> FILE_VERBS = Set.of("resolve", "raw");

    private final FixtureStore fixtures;
    private final SyntheticModels synthetic;
    private final HubListing listing;
    private final ObjectMapper json;
    /** Info responses as served (generated files' hashes filled in), keyed by fixture path; bounded likewise. */
    private final Map<String, byte[]> servedInfo = new ConcurrentHashMap<>();
    /** Repo id served as a copy of another repo (same files, same bytes), for tests of shared blobs. */
    private final Map<String, String> mirrors = new ConcurrentHashMap<>();
    /** Parsed "gated" flags, keyed by fixture path; bounded by the number of fixtures. */
    private final Map<String, Boolean> gatedByInfoPath = new ConcurrentHashMap<>();

    /** Model repo id → its commits, newest first, for tests that serve a model's history. */
    private final Map<String, List<ModelCommit>> commits = new ConcurrentHashMap<>();
    private final Supplier<String> baseUrl;

    HuggingFaceRoutes(FixtureStore fixtures, SyntheticModels synthetic, HubListing listing, ObjectMapper json,
                      Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
        this.fixtures = fixtures;
        this.synthetic = synthetic;
        this.listing = listing;
        this.json = json;
    }

    /** @param segments the decoded path segments after {@code /huggingface} */
    Reply handle(List<String> segments, Map<String, List<String>> query, String rawQuery) {
        if (segments.isEmpty()) {
            return Reply.plainError(404, "Not Found");
        }
        if (segments.get(0).equals("api")) {
            return api(segments.subList(1, segments.size()), query, rawQuery);
        }
        if (segments.get(0).equals("datasets")) {
            return file(RepoKind.DATASETS, segments.subList(1, segments.size()), rawQuery);
        }
        return file(RepoKind.MODELS, segments, rawQuery);
    }

    private Reply api(List<String> segments, Map<String, List<String>> query, String rawQuery) {
        if (segments.isEmpty()) {
            return Reply.plainError(404, "Not Found");
        }
        Optional<RepoKind> kind = RepoKind.fromApiWord(segments.get(0));
        if (kind.isEmpty()) {
            return Reply.plainError(404, "Not Found");
        }
        List<String> rest = segments.subList(1, segments.size());
        if (rest.isEmpty()) {
            return Reply.json(200, kind.get() == RepoKind.MODELS ? listing.models(query) : listing.datasets(query));
        }
        if (rest.size() == 1 || API_TAIL_WORDS.contains(rest.get(1))) {
            String tail = String.join("/", rest.subList(1, rest.size()));
            return legacy(kind.get(), rest.get(0), PREFIX + "/api/" + kind.get().apiWord + "/", tail, rawQuery);
        }
        String org = rest.get(0);
        String name = rest.get(1);
        List<String> tail = rest.subList(2, rest.size());
        Optional<RepoFiles> repo = repo(kind.get(), org, name);
        if (repo.isEmpty()) {
            return repoNotFound();
        }
        if (tail.isEmpty() || tail.get(0).equals("revision")) {
            return Reply.json(200, repo.get().info());
        }
        if (tail.size() >= 2 && tail.get(0).equals("commits") && kind.get() == RepoKind.MODELS) {
            List<ModelCommit> history = commits.get(org + "/" + name);
            if (history == null) {
                return Reply.hubError(404, "EntryNotFound", "Not recorded by the fake hub: commits");
            }
            return Pages.page(json, history.stream().map(this::commitJson).toList(),
                    baseUrl.get() + PREFIX + "/api/models/" + org + "/" + name + "/" + String.join("/", tail), query,
                    "p", "limit", 0, 50, 1000);
        }
        if (tail.size() == 1 && tail.get(0).equals("refs")) {
            return repo.get().refs().map(refs -> Reply.json(200, refs))
                    .orElseGet(() -> Reply.hubError(404, "EntryNotFound", "Refs not recorded"));
        }
        return Reply.hubError(404, "EntryNotFound", "Not recorded by the fake hub: " + String.join("/", tail));
    }

    private Reply file(RepoKind kind, List<String> segments, String rawQuery) {
        String base = PREFIX + (kind == RepoKind.DATASETS ? "/datasets/" : "/");
        if (segments.size() >= 2 && FILE_VERBS.contains(segments.get(1))) {
            String tail = String.join("/", segments.subList(1, segments.size()));
            return legacy(kind, segments.get(0), base, tail, rawQuery);
        }
        if (segments.size() < 5 || !FILE_VERBS.contains(segments.get(2))) {
            return Reply.plainError(404, "Not Found");
        }
        String org = segments.get(0);
        String name = segments.get(1);
        Optional<RepoFiles> repo = repo(kind, org, name);
        if (repo.isEmpty()) {
            return repoNotFound();
        }
        if (repo.get().gated()) {
            return Reply.hubError(401, "GatedRepo", "Access to " + kind.singular + " " + org + "/" + name
                    + " is restricted. You must have access to it and be authenticated to access it. Please log in.");
        }
        String path = String.join("/", segments.subList(4, segments.size()));
        Optional<byte[]> content = repo.get().file(path);
        if (content.isEmpty()) {
            return Reply.hubError(404, "EntryNotFound", "Entry not found");
        }
        return Reply.file(content.get(), contentType(path), Map.of(
                "X-Repo-Commit", repo.get().sha(),
                "ETag", "\"" + SyntheticModels.gitBlobId(content.get()) + "\""));
    }

    private Reply legacy(RepoKind kind, String legacyId, String base, String tail, String rawQuery) {
        String canonical = (kind == RepoKind.MODELS ? MODEL_ALIASES : DATASET_ALIASES).get(legacyId);
        if (canonical == null) {
            return repoNotFound();
        }
        String location = base + canonical + (tail.isEmpty() ? "" : "/" + tail)
                + (rawQuery == null ? "" : "?" + rawQuery);
        return Reply.redirect(location);
    }

    private static Reply repoNotFound() {
        return Reply.hubError(404, "RepoNotFound", "Repository not found");
    }

    /** Serves {@code history} (newest first) as the commits of model {@code repoId} on every revision. */
    void serveCommits(String repoId, List<ModelCommit> history) {
        List<ModelCommit> filled = new java.util.ArrayList<>();
        java.time.Instant date = java.time.Instant.parse("2024-06-01T00:00:00Z");
        for (int i = 0; i < history.size(); i++) {
            ModelCommit c = history.get(i);
            filled.add(new ModelCommit(c.id() != null ? c.id() : GeneratedFiles.sha256((repoId + "#" + i)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 40), c.authors(), c.title(),
                    c.date() != null ? c.date() : date.minusSeconds(3_600L * i)));
        }
        commits.put(repoId, List.copyOf(filled));
    }

    private JsonNode commitJson(ModelCommit commit) {
        ObjectNode node = json.createObjectNode();
        node.put("id", commit.id());
        node.put("title", commit.title());
        node.put("message", commit.title() + "\n");
        var authors = node.putArray("authors");
        commit.authors().forEach(a -> authors.addObject().put("user", a)
                .put("avatar", "https://cdn-avatars.huggingface.co/" + a + ".png"));
        node.put("date", commit.date().toString());
        return node;
    }

    /** Serves the model {@code mirrorId} as a copy of the recorded model {@code ofRepoId}: same listing and bytes. */
    void mirror(String mirrorId, String ofRepoId) {
        mirrors.put(mirrorId, ofRepoId);
    }

    private Optional<RepoFiles> repo(RepoKind kind, String org, String name) {
        if (kind == RepoKind.MODELS && org.equals(SyntheticModels.ORG)) {
            return synthetic.repo(name).map(SyntheticRepoFiles::new);
        }
        String servedId = org + "/" + name;
        String repoId = kind == RepoKind.MODELS ? mirrors.getOrDefault(servedId, servedId) : servedId;
        String infoPath = "huggingface/api/" + kind.apiWord + "/" + repoId + ".json";
        return fixtures.get(infoPath).map(info -> new FixtureRepoFiles(kind, repoId, infoPath, info, servedId));
    }

    private static String contentType(String path) {
        if (path.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (path.endsWith(".md") || path.endsWith(".txt") || path.endsWith(".py") || path.endsWith(".yaml")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static long listedSize(JsonNode sibling) {
        JsonNode lfs = sibling.path("lfs");
        return lfs.has("size") ? lfs.path("size").asLong() : sibling.path("size").asLong(-1);
    }

    private JsonNode parse(byte[] info) {
        try {
            return json.readTree(info);
        } catch (IOException e) {
            throw new UncheckedIOException("broken fixture JSON", e);
        }
    }

    private enum RepoKind {
        MODELS("models", "model"), DATASETS("datasets", "dataset");

        final String apiWord;
        final String singular;

        RepoKind(String apiWord, String singular) {
            this.apiWord = apiWord;
            this.singular = singular;
        }

        static Optional<RepoKind> fromApiWord(String word) {
            for (RepoKind kind : values()) {
                if (kind.apiWord.equals(word)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** What the routes need of one repo, whether recorded or generated. */
    private interface RepoFiles {
        byte[] info();

        Optional<byte[]> refs();

        Optional<byte[]> file(String path);

        boolean gated();

        String sha();
    }

    private final class FixtureRepoFiles implements RepoFiles {
        private final String filesRoot;
        private final String repoId;
        private final String infoPath;
        private final byte[] info;
        private final String servedId;

        FixtureRepoFiles(RepoKind kind, String repoId, String infoPath, byte[] info, String servedId) {
            this.filesRoot = "huggingface/" + (kind == RepoKind.DATASETS ? "datasets/" : "") + repoId + "/resolve/main/";
            this.repoId = repoId;
            this.infoPath = infoPath;
            this.info = info;
            this.servedId = servedId;
        }

        /** The recorded info, with generated files listed under the hashes of the bytes served for them. */
        @Override
        public byte[] info() {
            String key = servedId.equals(repoId) ? infoPath : infoPath + "#" + servedId;
            return servedInfo.computeIfAbsent(key, p -> {
                JsonNode tree = parse(info);
                boolean changed = false;
                if (!servedId.equals(repoId) && tree instanceof ObjectNode root) {
                    root.put("id", servedId);
                    root.put("modelId", servedId);
                    changed = true;
                }
                for (JsonNode sibling : tree.path("siblings")) {
                    String path = sibling.path("rfilename").asText("");
                    Optional<byte[]> generated = fixtures.get(filesRoot + path).isPresent() ? Optional.empty()
                            : generated(path, listedSize(sibling));
                    if (generated.isPresent() && sibling instanceof ObjectNode node) {
                        node.put("blobId", SyntheticModels.gitBlobId(generated.get()));
                        if (node.path("lfs") instanceof ObjectNode lfs) {
                            lfs.put("sha256", GeneratedFiles.sha256(generated.get()));
                        }
                        changed = true;
                    }
                }
                try {
                    return changed ? json.writeValueAsBytes(tree) : info;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        private Optional<byte[]> generated(String path, long size) {
            return GeneratedFiles.generates(repoId, size) ? Optional.of(GeneratedFiles.bytes(repoId, path, size))
                    : Optional.empty();
        }

        private Optional<Long> listedSizeOf(String path) {
            for (JsonNode sibling : parse(info).path("siblings")) {
                if (sibling.path("rfilename").asText("").equals(path)) {
                    return Optional.of(listedSize(sibling));
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> refs() {
            return fixtures.get(infoPath.substring(0, infoPath.length() - ".json".length()) + "/refs.json");
        }

        @Override
        public Optional<byte[]> file(String path) {
            Optional<byte[]> recorded = fixtures.get(filesRoot + path);
            return recorded.isPresent() ? recorded : listedSizeOf(path).flatMap(size -> generated(path, size));
        }

        @Override
        public boolean gated() {
            return gatedByInfoPath.computeIfAbsent(infoPath, p -> {
                JsonNode gated = parse(info).path("gated");
                return !(gated.isMissingNode() || gated.isNull() || (gated.isBoolean() && !gated.booleanValue()));
            });
        }

        @Override
        public String sha() {
            return parse(info).path("sha").asText("main");
        }
    }

    private record SyntheticRepoFiles(SyntheticModels.Repo repo) implements RepoFiles {
        @Override
        public byte[] info() {
            return repo.info();
        }

        @Override
        public Optional<byte[]> refs() {
            return Optional.of(repo.refs());
        }

        @Override
        public Optional<byte[]> file(String path) {
            return switch (path) {
                case "README.md" -> Optional.of(repo.readme());
                case "config.json" -> Optional.of(repo.config());
                default -> Optional.empty();
            };
        }

        @Override
        public boolean gated() {
            return false;
        }

        @Override
        public String sha() {
            return repo.sha();
        }
    }
}
