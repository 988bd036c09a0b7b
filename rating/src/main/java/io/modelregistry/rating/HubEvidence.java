package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.time.Duration;
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
 * Pull-request look-ups are bounded per rating, cached per pull request, and each exchange is given at most a
 * quarter of the time left before its caller's deadline, so a slow GitHub cannot carry a metric past its limit.
 * Once GitHub has said this rating is over its rate limit, the rest of its look-ups are not sent.
 */
final class HubEvidence implements EvidenceSource {

    static final int MAX_TREE_FILES = 20_000;
    static final int MAX_PULLS_PER_COMMIT = 3;
    /** Commits of a model repository read for the bus factor: two pages of 100, enough to see who keeps it. */
    static final int MAX_MODEL_COMMITS = 200;
    /** Below this much time before the deadline a look-up is not started: it could not finish. */
    static final long MIN_LOOKUP_NANOS = 200_000_000L;

    private final HubLookup hub;
    private final GitCloner cloner;
    private final RatedModels rated;
    private final AtomicInteger lookups;
    private final Map<String, Boolean> approvedByPull = new ConcurrentHashMap<>();
    private final int maxLookups;
    private volatile String refused;

    HubEvidence(HubLookup hub, GitCloner cloner, RatedModels rated, int maxLookups) {
        this.hub = hub;
        this.cloner = cloner;
        this.rated = rated;
        this.lookups = new AtomicInteger(maxLookups);
        this.maxLookups = maxLookups;
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
    public ReviewLookup approvedPullRequest(String fullName, String commitSha, long deadlineNanos) {
        String stop = refused;
        if (stop != null) {
            return ReviewLookup.unknown(stop);
        }
        if (deadlineNanos - System.nanoTime() < MIN_LOOKUP_NANOS) {
            return ReviewLookup.unknown("the time for GitHub look-ups ran out");
        }
        if (lookups.getAndDecrement() <= 0) {
            return ReviewLookup.unknown("the look-up budget of " + maxLookups + " commits per rating is spent");
        }
        try {
            Optional<JsonNode> pulls = bounded(deadlineNanos).gitHubCommitPulls(fullName, commitSha);
            if (pulls.isEmpty() || !pulls.get().isArray()) {
                // GitHub does not know this commit (a mirror, a force-push): unknown, not "no"
                return ReviewLookup.unknown("GitHub does not know the commit");
            }
            int checked = 0;
            for (JsonNode pull : pulls.get()) {
                if (pull.path("merged_at").isNull() || pull.path("merged_at").isMissingNode() || checked >= MAX_PULLS_PER_COMMIT) {
                    continue;
                }
                checked++;
                long number = pull.path("number").asLong(-1);
                if (number > 0 && approved(fullName, number, deadlineNanos)) {
                    return ReviewLookup.of(true);
                }
            }
            return ReviewLookup.of(false);
        } catch (RegistryException e) {
            if (e.errorMessage() == ErrorMessage.HUB_RATE_LIMITED) {
                refused = e.getMessage();
            }
            return ReviewLookup.unknown(e.getMessage());
        } catch (OutOfTime e) {
            return ReviewLookup.unknown("the time for GitHub look-ups ran out");
        } catch (IllegalArgumentException e) {
            return ReviewLookup.unknown("not a commit GitHub can be asked about");
        }
    }

    /** The look-up with each exchange bounded by a quarter of the time left (an exchange may take twice its bound). */
    private HubLookup bounded(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left < MIN_LOOKUP_NANOS) {
            throw new OutOfTime();
        }
        return hub.within(Duration.ofNanos(left / 4));
    }

    /** The caller's deadline is too near for another exchange. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    @Override
    public ModelHistory modelHistory(String repoId) {
        try {
            Optional<JsonNode> commits = hub.huggingFaceModelCommits(repoId, "main", MAX_MODEL_COMMITS);
            if (commits.isEmpty() || !commits.get().isArray()) {
                return ModelHistory.unknown("HuggingFace serves no commit history for " + repoId);
            }
            Map<String, Long> byAuthor = new java.util.LinkedHashMap<>();
            int count = 0;
            for (JsonNode commit : commits.get()) {
                if (count >= MAX_MODEL_COMMITS) {
                    break;
                }
                count++;
                for (JsonNode author : commit.path("authors")) {
                    String user = author.path("user").asText("").strip();
                    if (!user.isEmpty() && byAuthor.size() < MAX_MODEL_COMMITS) {
                        byAuthor.merge(user.toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
                    }
                }
            }
            if (byAuthor.isEmpty()) {
                return ModelHistory.unknown("HuggingFace names no author in the " + count + " commits of " + repoId);
            }
            return new ModelHistory(byAuthor, count, null);
        } catch (RegistryException e) {
            return ModelHistory.unknown(e.getMessage());
        } catch (IllegalArgumentException e) {
            return ModelHistory.unknown("not a HuggingFace model id");
        }
    }

    private boolean approved(String fullName, long number, long deadlineNanos) {
        String key = fullName + "#" + number;
        Boolean known = approvedByPull.get(key);
        if (known != null) {
            return known;
        }
        boolean approved = bounded(deadlineNanos).gitHubPullReviews(fullName, number).map(reviews -> {
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
