package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.hub.HubLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The evidence of one rating from the configured hubs, git server and the ratings read model. Upstream
 * failures degrade into "unreachable" or "unknown" answers with the reason; they do not fail the rating.
 * Pull-request look-ups are bounded per rating and cached per pull request.
 */
final class HubEvidence implements EvidenceSource {

    static final int MAX_TREE_FILES = 20_000;
    static final int MAX_PULLS_PER_COMMIT = 3;

    private final HubLookup hub;
    private final GitCloner cloner;
    private final RatedModels rated;
    private final AtomicInteger lookups;
    private final Map<String, Boolean> approvedByPull = new ConcurrentHashMap<>();

    HubEvidence(HubLookup hub, GitCloner cloner, RatedModels rated, int maxLookups) {
        this.hub = hub;
        this.cloner = cloner;
        this.rated = rated;
        this.lookups = new AtomicInteger(maxLookups);
    }

    @Override
    public DatasetEvidence dataset(String id) {
        try {
            Optional<JsonNode> info = hub.huggingFaceDataset(id);
            if (info.isEmpty() || !info.get().isObject()) {
                return DatasetEvidence.unreachable(id, "not found on HuggingFace");
            }
            String canonical = info.get().path("id").asText(id);
            canonical = HubLookup.isHuggingFaceId(canonical) ? canonical : id;
            ModelCard card = hub.huggingFaceDatasetCard(canonical).map(ModelCard::parse).orElse(ModelCard.empty());
            return new DatasetEvidence(id, canonical, info.get(), card, null);
        } catch (RegistryException e) {
            return DatasetEvidence.unreachable(id, e.getMessage());
        }
    }

    @Override
    public RepositoryEvidence repository(String fullName) {
        try {
            Optional<JsonNode> repo = hub.gitHubRepository(fullName);
            if (repo.isEmpty() || !repo.get().isObject()) {
                return RepositoryEvidence.unreachable(fullName, "not found on GitHub");
            }
            String canonical = repo.get().path("full_name").asText(fullName);
            canonical = HubLookup.isGitHubFullName(canonical) ? canonical : fullName;
            List<Contributor> contributors = new ArrayList<>();
            hub.gitHubContributors(canonical).ifPresent(list -> list.forEach(c ->
                    contributors.add(new Contributor(c.path("login").asText("?"), Math.max(0, c.path("contributions").asLong())))));
            String branch = repo.get().path("default_branch").asText("");
            List<String> files = null;
            if (!branch.isBlank()) {
                files = hub.gitHubTree(canonical, branch).map(HubEvidence::paths).orElse(null);
            }
            return new RepositoryEvidence(canonical, repo.get(), contributors, files, null);
        } catch (RegistryException e) {
            return RepositoryEvidence.unreachable(fullName, e.getMessage());
        } catch (IllegalArgumentException e) {
            return RepositoryEvidence.unreachable(fullName, "not a valid repository reference");
        }
    }

    private static List<String> paths(JsonNode tree) {
        if (tree.path("truncated").asBoolean(false)) {
            return null; // an incomplete listing would understate tests/CI; the clone may know better
        }
        List<String> files = new ArrayList<>();
        for (JsonNode entry : tree.path("tree")) {
            if ("blob".equals(entry.path("type").asText()) && files.size() < MAX_TREE_FILES) {
                files.add(entry.path("path").asText());
            }
        }
        return files;
    }

    @Override
    public CloneEvidence clone(RepositoryEvidence repository) {
        long reportedKib = repository.repo() == null ? -1 : repository.repo().path("size").asLong(-1);
        return cloner.clone(repository.fullName(), repository.defaultBranch(), reportedKib);
    }

    @Override
    public Optional<Boolean> approvedPullRequest(String fullName, String commitSha) {
        if (lookups.getAndDecrement() <= 0) {
            return Optional.empty();
        }
        try {
            Optional<JsonNode> pulls = hub.gitHubCommitPulls(fullName, commitSha);
            if (pulls.isEmpty() || !pulls.get().isArray()) {
                return Optional.empty(); // GitHub does not know this commit (a mirror, a force-push): unknown, not "no"
            }
            int checked = 0;
            for (JsonNode pull : pulls.get()) {
                if (pull.path("merged_at").isNull() || pull.path("merged_at").isMissingNode() || checked >= MAX_PULLS_PER_COMMIT) {
                    continue;
                }
                checked++;
                long number = pull.path("number").asLong(-1);
                if (number > 0 && approved(fullName, number)) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        } catch (RegistryException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean approved(String fullName, long number) {
        String key = fullName + "#" + number;
        Boolean known = approvedByPull.get(key);
        if (known != null) {
            return known;
        }
        boolean approved = hub.gitHubPullReviews(fullName, number).map(reviews -> {
            for (JsonNode review : reviews) {
                if ("APPROVED".equalsIgnoreCase(review.path("state").asText())) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
        approvedByPull.put(key, approved);
        return approved;
    }

    @Override
    public List<RatedModels.RatedModel> ratedModels(String repoIdOrName) {
        return rated == null ? List.of() : rated.find(repoIdOrName, 5);
    }
}
