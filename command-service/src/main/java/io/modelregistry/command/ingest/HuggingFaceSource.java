package io.modelregistry.command.ingest;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.BoundedText;
import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubEndpoints;
import io.modelregistry.hub.HubResponse;
import io.modelregistry.hub.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Fetches a HuggingFace model or dataset: {@code GET /api/{models|datasets}/{repo}?blobs=true} gives the
 * canonical id, the commit sha and every file with its size ({@code lfs.size} for LFS files), which become
 * the listing and {@code declaredBytes}. The small descriptive files ({@link EagerFilePolicy}) are then
 * downloaded from {@code /{repo}/resolve/{sha}/{path}} (datasets: {@code /datasets/{repo}/resolve/...}),
 * pinned to the sha so the files match the listing. Every other listed file up to {@link PackageSettings#eagerMaxBytes}
 * (weights included) is then streamed into the blob store and verified ({@link VerifiedFiles}). A file the hub
 * refuses (404, or 401/403 on a gated repo) is listed but not stored.
 *
 * <p>Licence: {@code cardData.license} (a string, or the first of a list), else a {@code license:*} tag.
 */
@Component("ingestHuggingFaceSource")
final class HuggingFaceSource {

    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9._-]{1,96}(/[A-Za-z0-9._-]{1,96})?");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final String GATED_NOTE = "gated repository: only metadata was fetched; its files need an"
            + " accepted licence on HuggingFace and a configured HF_TOKEN";

    private final HubClient client;
    private final HubEndpoint hub;
    private final BlobStore blobs;
    private final long eagerMaxBytes;
    private final long pullThroughMaxBytes;
    private final ObjectMapper json = new ObjectMapper();

    HuggingFaceSource(HubClient client, HubEndpoints endpoints, BlobStore blobs, PackageSettings settings) {
        this.client = client;
        this.hub = endpoints.huggingFace();
        this.blobs = blobs;
        this.eagerMaxBytes = settings.eagerMaxBytes().toBytes();
        this.pullThroughMaxBytes = settings.pullThroughMaxBytes().toBytes();
    }

    FetchedSource fetch(SourceRef ref) {
        boolean dataset = ref.kind() == SourceKind.HUGGINGFACE_DATASET;
        String what = dataset ? "dataset" : "model";
        Info fetchedInfo = fetchInfo(ref, dataset, what);
        JsonNode info = fetchedInfo.tree();
        String repoId = canonicalId(info, ref);
        String sha = info.path("sha").isTextual() && REVISION.matcher(info.path("sha").asText()).matches()
                ? info.path("sha").asText() : null;
        // A version tag pins its commit: that is the revision read, whatever a hub says of its own head.
        String revision = COMMIT.matcher(ref.revision()).matches() ? ref.revision()
                : sha != null ? sha : ref.revision();

        Listing listing = listing(info);
        List<String> eager = EagerFilePolicy.select(listing.files(), ref.subPath());
        Downloads downloads = download(dataset, repoId, revision, eager);

        boolean gatedRefusal = downloads.gatedRefused();
        Map<String, VerifiedFiles.StoredFile> streamed = gatedRefusal ? Map.of()
                : stream(dataset, repoId, revision, listing.files(), downloads.stored().keySet());
        // a gated repo's files cannot be fetched later either; a revision that is no commit sha would not pin them
        List<PackageFile> remote = gatedRefusal || sha == null ? List.of()
                : remoteFiles(listing.files(), downloads.stored().keySet());
        List<PackageFile> files = new ArrayList<>();
        for (PackageFile file : listing.files()) {
            byte[] stored = downloads.stored().get(file.path());
            VerifiedFiles.StoredFile big = streamed.get(file.path());
            files.add(stored != null ? new PackageFile(file.path(), stored.length, Hashes.sha256Tagged(stored), true)
                    : big != null ? new PackageFile(file.path(), big.size(), "sha256:" + big.sha256(), true)
                    : file);
        }
        byte[] readme = downloads.stored().getOrDefault(EagerFilePolicy.README, downloads.oversizedReadmeStart());
        byte[] config = downloads.stored().get("config.json");
        ArtifactDocuments docs = new ArtifactDocuments(
                BoundedText.utf8Prefix(readme, IngestLimits.README_BYTES),
                BoundedText.utf8WholeOrNull(config, IngestLimits.CONFIG_JSON_BYTES),
                metadataDocument(fetchedInfo));
        String canonicalUrl = "https://huggingface.co/" + (dataset ? "datasets/" : "") + repoId;
        SourceRef resolved = new SourceRef(ref.kind(), repoId, revision, ref.subPath(), canonicalUrl);
        boolean gated = isGated(info) || downloads.gatedRefused();
        String note = Notes.join(gated ? GATED_NOTE : null, listing.note(), downloads.note());
        return new FetchedSource(resolved, files, downloads.stored(), listing.declaredBytes(), docs,
                licence(info), note, List.copyOf(streamed.values()), remote);
    }

    /**
     * Files above the eager limit (and at most the pull-through limit) that a download can fetch later: those the
     * listing names by LFS sha-256 (the
     * address their blob will have, and what the fetch is verified against). A large file listed by git blob id
     * only stays listed, not downloadable.
     */
    private List<PackageFile> remoteFiles(List<PackageFile> listing, Set<String> alreadyStored) {
        List<PackageFile> remote = new ArrayList<>();
        for (PackageFile file : listing) {
            if (file.sizeBytes() > eagerMaxBytes && file.sizeBytes() <= pullThroughMaxBytes
                    && !alreadyStored.contains(file.path())
                    && RepoPaths.isStorable(file.path()) && file.contentHash() != null
                    && file.contentHash().matches("sha256:[0-9a-fA-F]{64}")) {
                remote.add(file);
            }
        }
        return remote;
    }

    /**
     * Streams every listed file not already stored and at most {@code eagerMaxBytes} into the blob store, each
     * verified against the listing (a mismatch fails the whole ingest: 502). A file the hub does not serve (4xx,
     * or an LFS redirect off the configured endpoint) stays listed, not stored, as small files do.
     */
    private Map<String, VerifiedFiles.StoredFile> stream(boolean dataset, String repoId, String revision,
                                                         List<PackageFile> listing, Set<String> alreadyStored) {
        Map<String, VerifiedFiles.StoredFile> streamed = new LinkedHashMap<>();
        for (PackageFile file : listing) {
            if (alreadyStored.contains(file.path()) || file.sizeBytes() > eagerMaxBytes
                    || !RepoPaths.isStorable(file.path())) {
                continue;
            }
            // the same bytes stored for another artifact or version: no download (content addressing)
            Optional<VerifiedFiles.StoredFile> reused;
            try {
                reused = VerifiedFiles.reuse(blobs, file);
            } catch (IOException e) {
                throw ErrorMessage.INGEST_BLOB_STORE_COULD_READ.exceptionCausedBy(e);
            }
            if (reused.isPresent()) {
                streamed.put(file.path(), reused.get());
                continue;
            }
            String url = resolveUrl(dataset, repoId, revision, file.path());
            VerifiedFiles.StoredFile stored = VerifiedFiles.fetch(client, hub, url, file, blobs, budget(file));
            if (stored != null) {
                streamed.put(file.path(), stored);
            }
        }
        return streamed;
    }

    /** Where a file of the repo is downloaded from, pinned to {@code revision} (a commit sha). */
    static String resolveUrl(boolean dataset, String repoId, String revision, String path) {
        return (dataset ? "/datasets/" : "/") + encodeRepoId(repoId) + "/resolve/" + RepoPaths.encodeSegment(revision)
                + "/" + RepoPaths.encode(path);
    }

    /** At least 1 MiB/s after the first half minute: a slower hub fails the fetch rather than holding it. */
    static Duration budget(PackageFile file) {
        return Duration.ofSeconds(30 + file.sizeBytes() / IngestLimits.MIB);
    }

    /** The info response: parsed, and as served (kept raw as evidence when small enough). */
    private record Info(JsonNode tree, byte[] raw) {
    }

    private Info fetchInfo(SourceRef ref, boolean dataset, String what) {
        String path = "/api/" + (dataset ? "datasets" : "models") + "/" + encodeRepoId(ref.repoId())
                + ("main".equals(ref.revision()) ? "" : "/revision/" + RepoPaths.encodeSegment(ref.revision()))
                + "?blobs=true";
        HubResponse response = client.get(hub, path, "application/json", IngestLimits.METADATA_BYTES);
        if (response.transientFailure() || response.redirect()) {
            throw ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_TRY_AGAIN.exception(response.status(), what, ref.repoId());
        }
        if (!response.ok()) {
            if (response.errorCode().filter("RevisionNotFound"::equals).isPresent()) {
                throw ErrorMessage.INGEST_HUGGINGFACE_REVISION.exception(what, ref.repoId(), ref.revision());
            }
            throw ErrorMessage.INGEST_HUGGINGFACE_FOUND_ID_MAY.exception(what, ref.repoId());
        }
        if (response.truncated()) {
            throw ErrorMessage.INGEST_METADATA_HUGGINGFACE_LARGER_MIB.exception(what, ref.repoId(), IngestLimits.METADATA_BYTES / IngestLimits.MIB);
        }
        try {
            JsonNode info = json.readTree(response.body());
            if (!info.isObject()) {
                throw new IOException("not a JSON object");
            }
            return new Info(info, response.body());
        } catch (IOException e) {
            throw ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_MALFORMED_METADATA.exceptionCausedBy(e, what, ref.repoId());
        }
    }

    private static String canonicalId(JsonNode info, SourceRef ref) {
        String id = info.path("id").asText("");
        return REPO_ID.matcher(id).matches() ? id : ref.repoId();
    }

    private record Listing(List<PackageFile> files, long declaredBytes, String note) {
    }

    private static Listing listing(JsonNode info) {
        List<PackageFile> files = new ArrayList<>();
        long declared = 0;
        int skipped = 0;
        int beyondCap = 0;
        for (JsonNode sibling : info.path("siblings")) {
            String path = sibling.path("rfilename").asText("");
            if (!RepoPaths.isSafe(path)) {
                skipped++;
                continue;
            }
            JsonNode lfs = sibling.path("lfs");
            long size = Math.max(0, lfs.has("size") ? lfs.path("size").asLong() : sibling.path("size").asLong());
            declared += size;
            if (files.size() >= IngestLimits.LISTED_FILES) {
                beyondCap++;
                continue;
            }
            String hash = lfs.path("sha256").isTextual() ? "sha256:" + lfs.path("sha256").asText()
                    : sibling.path("blobId").isTextual() ? "git-sha1:" + sibling.path("blobId").asText() : null;
            files.add(new PackageFile(path, size, hash, false));
        }
        String note = Notes.join(
                beyondCap > 0 ? "listing cut at " + IngestLimits.LISTED_FILES + " files (" + beyondCap
                        + " more are counted in the declared size)" : null,
                skipped > 0 ? skipped + " files with unsafe paths were ignored" : null);
        return new Listing(files, declared, note);
    }

    /** @param oversizedReadmeStart the first MiB of a README too big to store, else null */
    private record Downloads(Map<String, byte[]> stored, byte[] oversizedReadmeStart, boolean gatedRefused,
                             String note) {
    }

    private Downloads download(boolean dataset, String repoId, String revision, List<String> paths) {
        Map<String, byte[]> stored = new LinkedHashMap<>();
        long total = 0;
        boolean gatedRefused = false;
        byte[] oversizedReadmeStart = null;
        long deadline = System.nanoTime() + IngestLimits.EAGER_FETCH_BUDGET.toNanos();
        int leftOut = 0;
        for (String path : paths) {
            if (gatedRefused || System.nanoTime() > deadline) {
                leftOut += gatedRefused ? 0 : 1;
                continue;
            }
            String url = (dataset ? "/datasets/" : "/") + encodeRepoId(repoId) + "/resolve/"
                    + RepoPaths.encodeSegment(revision) + "/" + RepoPaths.encode(path);
            HubResponse response = client.get(hub, url, "*/*", IngestLimits.STORED_FILE_BYTES);
            if (response.transientFailure()) {
                throw ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_WHILE_DOWNLOADING.exception(response.status(), path, repoId);
            }
            if (response.errorCode().filter("GatedRepo"::equals).isPresent()) {
                gatedRefused = true;
                continue;
            }
            // other 4xx, an off-endpoint redirect (LFS CDN) or a body over 1 MiB: listed, not stored
            if (response.ok() && response.truncated() && path.equals(EagerFilePolicy.README)) {
                oversizedReadmeStart = response.body();
            } else if (response.ok() && !response.truncated()
                    && total + response.body().length <= IngestLimits.BUNDLE_BYTES) {
                stored.put(path, response.body());
                total += response.body().length;
            }
        }
        String note = leftOut > 0 ? leftOut + " small files were not stored: the download budget of "
                + IngestLimits.EAGER_FETCH_BUDGET.toSeconds() + " s ran out" : null;
        return new Downloads(stored, oversizedReadmeStart, gatedRefused, note);
    }

    private static boolean isGated(JsonNode info) {
        JsonNode gated = info.path("gated");
        return !(gated.isMissingNode() || gated.isNull() || (gated.isBoolean() && !gated.booleanValue()));
    }

    static String licence(JsonNode info) {
        JsonNode declared = info.path("cardData").path("license");
        if (declared.isArray() && declared.size() > 0) {
            declared = declared.get(0);
        }
        if (declared.isTextual() && !declared.asText().isBlank()) {
            return Licences.clean(declared.asText());
        }
        for (JsonNode tag : info.path("tags")) {
            if (tag.isTextual() && tag.asText().startsWith("license:") && tag.asText().length() > "license:".length()) {
                return Licences.clean(tag.asText().substring("license:".length()));
            }
        }
        return null;
    }

    /** The info JSON as served; if over the bound, without its file list (the listing has it); else none. */
    private String metadataDocument(Info info) {
        if (info.raw().length <= IngestLimits.SOURCE_METADATA_BYTES) {
            return new String(info.raw(), StandardCharsets.UTF_8);
        }
        try {
            ObjectNode slim = ((ObjectNode) info.tree()).deepCopy();
            slim.remove("siblings");
            byte[] withoutFiles = json.writeValueAsBytes(slim);
            return BoundedText.utf8WholeOrNull(withoutFiles, IngestLimits.SOURCE_METADATA_BYTES);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encodeRepoId(String repoId) {
        return RepoPaths.encode(repoId);
    }
}
