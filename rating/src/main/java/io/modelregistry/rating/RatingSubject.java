package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.rating.RatedModels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What one rating is about: the model's stored content (card, config, the hub's metadata, the file listing),
 * read once, and the evidence about the datasets and code the card names (and the registered datasets its prose
 * mentions), fetched on first use through the {@link EvidenceSource} and shared by all metrics of this rating. Closing it deletes the clone, if any.
 */
final class RatingSubject implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String artifactId;
    private final String name;
    private final ArtifactContent content;
    private final ArtifactDocuments documents;
    private final ModelCard card;
    private final JsonNode hubInfo;
    private final JsonNode config;
    private final List<String> datasetIds;
    private final List<String> repositoryNames;
    private final List<String> mentions;
    private final EvidenceSource evidence;
    private final Memo<List<DatasetEvidence>> datasets;
    private final Memo<List<RepositoryEvidence>> repositories;
    private final Memo<CloneEvidence> clone;
    private final Memo<ModelHistory> modelHistory;

    /** {@code documents} are the texts {@code content} names by digest. */
    RatingSubject(String artifactId, String name, ArtifactContent content, ArtifactDocuments documents,
                  EvidenceSource evidence) {
        this.artifactId = artifactId;
        this.name = name;
        this.content = content;
        this.documents = documents == null ? ArtifactDocuments.none() : documents;
        this.evidence = evidence;
        this.card = ModelCard.parse(this.documents.readme());
        this.hubInfo = parse(this.documents.sourceMetadataJson());
        this.config = parse(this.documents.configJson());
        this.datasetIds = CardLinks.datasets(card);
        this.repositoryNames = CardLinks.repositories(card, repoId());
        this.mentions = CardLinks.mentions(card, datasetIds);
        this.datasets = new Memo<>(() -> {
            List<DatasetEvidence> found = new ArrayList<>(datasetIds.stream().map(evidence::dataset).toList());
            mentions.forEach(mention -> evidence.mentionedDataset(mention).ifPresent(found::add));
            return List.copyOf(found);
        });
        this.repositories = new Memo<>(() -> repositoryNames.stream().map(evidence::repository).toList());
        this.clone = new Memo<>(() -> primaryRepository()
                .map(evidence::clone)
                .orElse(CloneEvidence.none("no reachable linked repository")));
        this.modelHistory = new Memo<>(() -> content.source() != null
                && content.source().kind() == io.modelregistry.api.artifact.SourceKind.HUGGINGFACE_MODEL
                && content.source().repoId() != null
                ? evidence.modelHistory(content.source().repoId())
                : ModelHistory.unknown("the model does not come from HuggingFace"));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    String artifactId() {
        return artifactId;
    }

    String name() {
        return name;
    }

    ArtifactContent content() {
        return content;
    }

    /** The README, config.json and hub metadata as text. */
    ArtifactDocuments documents() {
        return documents;
    }

    String repoId() {
        return content.source() == null ? null : content.source().repoId();
    }

    ModelCard card() {
        return card;
    }

    /** The hub's model info as ingested (HF {@code /api/models/...}); a missing node when there is none. */
    JsonNode hubInfo() {
        return hubInfo;
    }

    /** {@code config.json}; a missing node when the model has none (or it is not JSON). */
    JsonNode config() {
        return config;
    }

    boolean hasConfig() {
        return config.isObject();
    }

    List<PackageFile> files() {
        return content.pkg() == null ? List.of() : content.pkg().files();
    }

    /** The library the model loads with ({@code transformers}, {@code diffusers}...), lower case, if declared. */
    Optional<String> library() {
        String fromInfo = hubInfo.path("library_name").asText("");
        if (!fromInfo.isBlank()) {
            return Optional.of(fromInfo.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return card.frontMatterText("library_name").map(s -> s.toLowerCase(java.util.Locale.ROOT));
    }

    long downloads() {
        return Math.max(0, hubInfo.path("downloads").asLong(0));
    }

    long likes() {
        return Math.max(0, hubInfo.path("likes").asLong(0));
    }

    /** The licence as ingested, else as the card's front matter declares it (a named 'other' licence by name). */
    Optional<String> licence() {
        String declared = content.licence();
        if (declared == null || declared.isBlank()) {
            declared = card.frontMatterText("license").orElse(null);
        }
        if (declared != null && declared.strip().equalsIgnoreCase("other")) {
            Optional<String> named = card.frontMatterText("license_name");
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.ofNullable(declared).filter(s -> !s.isBlank());
    }

    List<String> datasetIds() {
        return datasetIds;
    }

    List<String> repositoryNames() {
        return repositoryNames;
    }

    /** Dataset names the card's prose mentions, beyond those it declares or links (used only if registered here). */
    List<String> mentions() {
        return mentions;
    }

    /** The datasets and code the rating looked up, with where each was found. */
    List<io.modelregistry.api.rating.RatingLink> links() {
        return evidence.links();
    }

    List<DatasetEvidence> datasets() {
        return datasets.get();
    }

    List<RepositoryEvidence> repositories() {
        return repositories.get();
    }

    /** The model's own code: the first linked repository that GitHub knows. */
    Optional<RepositoryEvidence> primaryRepository() {
        return repositories().stream().filter(RepositoryEvidence::reachable).findFirst();
    }

    /** A clone of the primary repository (fetched once; deleted when the subject closes). */
    CloneEvidence primaryClone() {
        return clone.get();
    }

    /** The file paths of a repository: GitHub's listing, else the clone's head when it is the primary one. */
    Optional<List<String>> filesOf(RepositoryEvidence repository) {
        if (repository.files() != null) {
            return Optional.of(repository.files());
        }
        if (primaryRepository().filter(p -> p.fullName().equals(repository.fullName())).isPresent()) {
            CloneEvidence cloned = primaryClone();
            if (cloned.available()) {
                return Optional.of(cloned.local().files(20_000).stream().map(LocalClone.HeadFile::path).toList());
            }
        }
        return Optional.empty();
    }

    /**
     * Starts fetching what {@code needs} names on {@code io} (each piece once per rating, whoever asks first) and
     * completes when all of it is known, successfully or not: a failed fetch is rethrown to the metric that reads
     * it. The clone is started only once the repositories are known, so no I/O thread waits on another.
     */
    CompletableFuture<Void> prefetch(Set<Evidence> needs, Executor io) {
        List<CompletableFuture<?>> parts = new ArrayList<>();
        if (needs.contains(Evidence.DATASETS)) {
            parts.add(datasets.start(io));
        }
        if (needs.contains(Evidence.REPOSITORIES) || needs.contains(Evidence.CLONE)) {
            CompletableFuture<?> known = repositories.start(io);
            parts.add(needs.contains(Evidence.CLONE) ? known.handle((r, e) -> null).thenCompose(x -> clone.start(io))
                    : known);
        }
        if (needs.contains(Evidence.MODEL_HISTORY)) {
            parts.add(modelHistory.start(io));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).handle((r, e) -> null);
    }

    ReviewLookup approvedPullRequest(String fullName, String sha, long deadlineNanos) {
        return evidence.approvedPullRequest(fullName, sha, deadlineNanos);
    }

    /** The model repository's own history on the hub (fetched once). */
    ModelHistory modelHistory() {
        return modelHistory.get();
    }

    List<RatedModels.RatedModel> ratedModels(String repoIdOrName) {
        return evidence.ratedModels(repoIdOrName);
    }

    /** Deletes the clone: now if it exists, or as soon as a fetch still under way on the I/O pool finishes. */
    @Override
    public void close() {
        clone.whenComputed(cloned -> {
            if (cloned.available()) {
                cloned.local().close();
            }
        });
    }
}
