package io.modelregistry.command.ingest;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.BoundedText;
import io.modelregistry.hub.GitHubNames;
import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubEndpoints;
import io.modelregistry.hub.HubResponse;
import io.modelregistry.hub.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Fetches a GitHub repository through the REST API: {@code /repos/{o}/{r}} (canonical full name, default
 * branch, licence, size), its README ({@code /readme}, raw; for a URL into a folder, that folder's README
 * first), and its licence file ({@code /license}, base64, stored as the file it names). A file listing
 * comes from {@code /git/trees/{branch}?recursive=1} when that answers; otherwise the listing is just the
 * stored files.
 *
 * <p>Then every file of the branch's head commit is fetched with git from {@code GITHUB_SERVER_URL} and stored,
 * verified against its git blob id ({@link GitRepositoryFiles}); that commit's tree is then the listing. When git
 * cannot fetch it (no git server, cancelled at a bound), the README and licence are all that is stored, as the
 * note says.
 *
 * <p>{@code declaredBytes}: the sum of the fetched commit's file sizes; without it, the sum of the tree's blob sizes when the tree is complete; otherwise the repo's
 * {@code size} field, which GitHub reports in KiB (×1024; it measures the repository on disk, history
 * included, so it is an estimate of a download). Licence: {@code license.spdx_id}, null for NOASSERTION.
 */
@Component("ingestGitHubSource")
final class GitHubSource {

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,255}");
    private static final String JSON = "application/vnd.github+json";
    private static final String RAW = "application/vnd.github.raw";

    private final HubClient client;
    private final HubEndpoint api;
    private final GitRepositoryFiles git;
    private final ObjectMapper json = new ObjectMapper();

    GitHubSource(HubClient client, HubEndpoints endpoints, GitRepositoryFiles git) {
        this.client = client;
        this.api = endpoints.gitHubApi();
        this.git = git;
    }

    FetchedSource fetch(SourceRef ref) {
        HubResponse repoResponse = repo(ref);
        JsonNode repo = parse(repoResponse, ref);
        String fullName = GitHubNames.isFullName(repo.path("full_name").asText(""))
                ? repo.path("full_name").asText() : ref.repoId();
        String repoPath = "/repos/" + RepoPaths.encode(fullName);
        String defaultBranch = BRANCH.matcher(repo.path("default_branch").asText("")).matches()
                ? repo.path("default_branch").asText() : "main";
        String branch = ref.revision() != null ? ref.revision() : defaultBranch;
        String refQuery = ref.revision() != null ? "?ref=" + RepoPaths.encodeSegment(branch) : "";

        Map<String, byte[]> stored = new LinkedHashMap<>();
        String readme = readme(repoPath, ref.subPath(), refQuery, stored);
        Optional<String> licenceFromFile = licenceFile(repoPath, refQuery, stored);
        String licence = Licences.clean(repo.path("license").path("spdx_id").asText(null));
        if (licence == null) {
            licence = licenceFromFile.orElse(null);
        }

        Tree tree = tree(repoPath, branch);
        List<PackageFile> files = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (PackageFile file : tree.files()) {
            byte[] bytes = stored.get(file.path());
            files.add(bytes == null ? file : new PackageFile(file.path(), bytes.length, Hashes.sha256Tagged(bytes), true));
            listed.add(file.path());
        }
        stored.forEach((path, bytes) -> {
            if (!listed.contains(path)) {
                files.add(new PackageFile(path, bytes.length, Hashes.sha256Tagged(bytes), true));
            }
        });
        long declared = tree.complete() ? tree.declaredBytes() : Math.max(0, repo.path("size").asLong()) * 1024L;
        Optional<GitRepositoryFiles.Snapshot> snapshot = git.fetch(fullName, branch);
        if (snapshot.isPresent()) {
            // the fetched commit is what is stored, so it is also what is listed (the REST tree may be older)
            files.clear();
            files.addAll(snapshot.get().listing());
            Set<String> inCommit = new HashSet<>();
            files.forEach(file -> inCommit.add(file.path()));
            stored.keySet().removeIf(inCommit::contains);
            stored.forEach((path, bytes) -> files.add(new PackageFile(path, bytes.length, Hashes.sha256Tagged(bytes), true)));
            declared = snapshot.get().declaredBytes();
        }

        ArtifactDocuments docs = new ArtifactDocuments(readme, null,
                BoundedText.utf8WholeOrNull(repoResponse.body(), IngestLimits.SOURCE_METADATA_BYTES));
        SourceRef resolved = new SourceRef(SourceKind.GITHUB_REPOSITORY, fullName, branch, ref.subPath(),
                "https://github.com/" + fullName);
        String note = snapshot.isPresent() ? snapshot.get().note() : Notes.join(
                "git could not fetch the repository: only the README and licence are stored",
                tree.files().isEmpty() && !tree.complete()
                        ? "no file listing from GitHub: only the README and licence are listed" : null, tree.note());
        return new FetchedSource(resolved, files, stored, declared, docs, licence, note,
                snapshot.map(GitRepositoryFiles.Snapshot::stored).orElse(List.of()));
    }

    private HubResponse repo(SourceRef ref) {
        HubResponse response = client.get(api, "/repos/" + RepoPaths.encode(ref.repoId()), JSON,
                IngestLimits.METADATA_BYTES);
        if (response.ok()) {
            if (response.truncated()) {
                throw ErrorMessage.INGEST_METADATA_GITHUB_REPOSITORY_LARGER.exception(ref.repoId(), IngestLimits.METADATA_BYTES / IngestLimits.MIB);
            }
            return response;
        }
        if (response.status() == 404 || response.status() == 410 || response.status() == 451) {
            throw ErrorMessage.INGEST_GITHUB_REPOSITORY_FOUND_MAY.exception(ref.repoId());
        }
        throw upstream(response, "repository '" + ref.repoId() + "'");
    }

    private JsonNode parse(HubResponse response, SourceRef ref) {
        try {
            JsonNode node = json.readTree(response.body());
            if (!node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ErrorMessage.INGEST_GITHUB_ANSWERED_MALFORMED_METADATA.exceptionCausedBy(e, ref.repoId());
        }
    }

    /** Stores the README (as README.md, or FOLDER/README.md for a URL into a folder) and returns its text. */
    private String readme(String repoPath, String subPath, String refQuery, Map<String, byte[]> stored) {
        if (subPath != null) {
            Optional<String> folderReadme = readmeAt(repoPath + "/readme/" + RepoPaths.encode(subPath) + refQuery,
                    subPath + "/README.md", stored);
            if (folderReadme.isPresent()) {
                return folderReadme.get();
            }
        }
        return readmeAt(repoPath + "/readme" + refQuery, "README.md", stored).orElse(null);
    }

    private Optional<String> readmeAt(String path, String storeAs, Map<String, byte[]> stored) {
        HubResponse response = client.get(api, path, RAW, IngestLimits.STORED_FILE_BYTES);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw upstream(response, "README");
        }
        if (!response.truncated() && RepoPaths.isStorable(storeAs)) {
            stored.put(storeAs, response.body());
        }
        return Optional.of(BoundedText.utf8Prefix(response.body(), IngestLimits.README_BYTES));
    }

    /** Stores the licence file GitHub detected and returns the licence id it reports. */
    private Optional<String> licenceFile(String repoPath, String refQuery, Map<String, byte[]> stored) {
        HubResponse response = client.get(api, repoPath + "/license" + refQuery, JSON, IngestLimits.METADATA_BYTES);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw upstream(response, "licence");
        }
        if (response.truncated()) {
            return Optional.empty();
        }
        JsonNode licence;
        try {
            licence = json.readTree(response.body());
        } catch (IOException e) {
            return Optional.empty();
        }
        String path = licence.path("path").asText("LICENSE");
        String content = licence.path("content").asText("");
        if ("base64".equals(licence.path("encoding").asText("base64")) && RepoPaths.isStorable(path)) {
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(content.getBytes(StandardCharsets.US_ASCII));
                if (bytes.length > 0 && bytes.length <= IngestLimits.STORED_FILE_BYTES && !stored.containsKey(path)) {
                    stored.put(path, bytes);
                }
            } catch (IllegalArgumentException e) {
                // undecodable content: the licence id below still counts
            }
        }
        return Optional.ofNullable(Licences.clean(licence.path("license").path("spdx_id").asText(null)));
    }

    private record Tree(List<PackageFile> files, long declaredBytes, boolean complete, String note) {
        static Tree none() {
            return new Tree(List.of(), 0, false, null);
        }
    }

    /** The recursive git tree, if GitHub answers with one; any failure just means no listing. */
    private Tree tree(String repoPath, String branch) {
        HubResponse response = client.get(api, repoPath + "/git/trees/" + RepoPaths.encodeSegment(branch)
                + "?recursive=1", JSON, IngestLimits.METADATA_BYTES);
        if (!response.ok() || response.truncated()) {
            return Tree.none();
        }
        JsonNode tree;
        try {
            tree = json.readTree(response.body());
        } catch (IOException e) {
            return Tree.none();
        }
        List<PackageFile> files = new ArrayList<>();
        long declared = 0;
        boolean cut = tree.path("truncated").asBoolean(false);
        for (JsonNode entry : tree.path("tree")) {
            String path = entry.path("path").asText("");
            if (!"blob".equals(entry.path("type").asText()) || !RepoPaths.isSafe(path)) {
                continue;
            }
            long size = Math.max(0, entry.path("size").asLong());
            declared += size;
            if (files.size() >= IngestLimits.LISTED_FILES) {
                cut = true;
                continue;
            }
            String sha = entry.path("sha").asText(null);
            files.add(new PackageFile(path, size, sha == null ? null : "git-sha1:" + sha, false));
        }
        return new Tree(files, declared, !cut, cut ? "file listing is incomplete (GitHub cut the tree or it"
                + " exceeds " + IngestLimits.LISTED_FILES + " files)" : null);
    }

    private static RegistryException upstream(HubResponse response, String what) {
        String reason = switch (response.status()) {
            case 401 -> "rejected the configured credentials";
            case 403, 429 -> "refused the request (rate limit?)";
            default -> "answered " + response.status();
        };
        return ErrorMessage.INGEST_GITHUB_WHILE_FETCHING_TRY.exception(reason, what);
    }
}
