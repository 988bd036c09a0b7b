package io.modelregistry.command.ingest;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubEndpoints;
import io.modelregistry.hub.HubResponse;
import io.modelregistry.hub.RepoPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The semantic-version tags of a HuggingFace repository, from {@code GET /api/{models|datasets}/{repo}/refs}:
 * a tag named {@code vX.Y.Z} or {@code X.Y.Z} (with an optional pre-release and build) is a version, pinned to its
 * {@code targetCommit}. Other tags are not versions: dates ({@code 2024-03-04}) and two-part names ({@code v1.0})
 * are not coerced, since a repository that tags {@code v1.0} and later {@code v1.0.0} would then have one
 * version twice, and a date is no precedence a user can ask a range of. Two tags of one version ({@code v1.0.0}
 * and {@code 1.0.0}) count once, the first listed.
 */
@Component
final class HuggingFaceTags {

    /** Tags read from one refs response; the rest of a repository with more are ignored (a bound, not a choice). */
    static final int MAX_TAGS_READ = 1_000;
    private static final int REFS_BYTES = IngestLimits.MIB;
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final HubClient client;
    private final HubEndpoint hub;
    private final ObjectMapper json = new ObjectMapper();

    HuggingFaceTags(HubClient client, HubEndpoints endpoints) {
        this.client = client;
        this.hub = endpoints.huggingFace();
    }

    /** A version tag: the normalised version and the commit it names. */
    record VersionTag(String version, String commit) {
    }

    /**
     * The newest {@code limit} version tags by precedence, newest first; empty when the repository has none, or
     * its refs are not found (404, or a redirect for a renamed repository: the caller asks again by the canonical
     * id). A hub that is down or slow is a 503 rather than a silent "no versions".
     */
    Optional<List<VersionTag>> versionTags(boolean dataset, String repoId, int limit) {
        String path = "/api/" + (dataset ? "datasets" : "models") + "/" + RepoPaths.encode(repoId) + "/refs";
        HubResponse response = client.get(hub, path, "application/json", REFS_BYTES);
        if (response.transientFailure()) {
            throw ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_TAGS_TRY.exception(response.status(), repoId);
        }
        if (!response.ok() || response.redirect() || response.truncated()) {
            return Optional.empty();
        }
        JsonNode refs;
        try {
            refs = json.readTree(response.body());
        } catch (IOException e) {
            throw ErrorMessage.INGEST_HUGGINGFACE_ANSWERED_MALFORMED_REFS.exceptionCausedBy(e, repoId);
        }
        return Optional.of(select(refs.path("tags"), limit));
    }

    static List<VersionTag> select(JsonNode tags, int limit) {
        var byVersion = new TreeMap<String, VersionTag>(SemanticVersions.PRECEDENCE);
        int read = 0;
        for (JsonNode tag : tags) {
            if (read++ >= MAX_TAGS_READ) {
                break;
            }
            String commit = tag.path("targetCommit").asText("");
            Optional<String> version = SemanticVersions.tryNormalise(tag.path("name").asText(""));
            if (version.isPresent() && COMMIT.matcher(commit).matches()) {
                byVersion.putIfAbsent(version.get(), new VersionTag(version.get(), commit));
            }
        }
        List<VersionTag> newestFirst = new ArrayList<>(byVersion.descendingMap().values());
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }
}
