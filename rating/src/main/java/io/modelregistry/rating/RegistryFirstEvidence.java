package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.rating.RatedModels;
import io.modelregistry.api.rating.RatingLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evidence of one rating with the registry asked first: a dataset or repository the card names that is
 * registered here is rated from what the registry holds (a registered GitHub repository is still read from
 * GitHub, under its registered repo id, for its contributors and history); only the rest is asked of the hub.
 * Every link it answers is recorded with where it came from ({@link #links()}).
 */
final class RegistryFirstEvidence implements EvidenceSource {

    static final String NO_GIT = "registered here without a git source";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LISTED_FILES = 1_000;

    private final EvidenceSource hub;
    private final RegistryLinks registry;
    private final List<RatingLink> links = Collections.synchronizedList(new ArrayList<>());
    /** Repositories registered here that have no git source: never cloned. */
    private final Set<String> withoutGit = ConcurrentHashMap.newKeySet();

    RegistryFirstEvidence(EvidenceSource hub, RegistryLinks registry) {
        this.hub = hub;
        this.registry = registry;
    }

    @Override
    public DatasetEvidence dataset(String id) {
        Optional<RegistryLinks.Registered> registered = registry.find(DeclaredRelationship.DATASET, id);
        if (registered.isPresent()) {
            record(DeclaredRelationship.DATASET, id, registered.get(), registered.get().matchedBy());
            return evidence(id, registered.get());
        }
        DatasetEvidence fromHub = hub.dataset(id);
        links.add(new RatingLink(DeclaredRelationship.DATASET, id, null, RatingLink.HUB, fromHub.reachable()));
        return fromHub;
    }

    @Override
    public Optional<DatasetEvidence> mentionedDataset(String name) {
        Optional<RegistryLinks.Registered> registered = registry.find(DeclaredRelationship.DATASET, name);
        registered.ifPresent(r -> record(DeclaredRelationship.DATASET, name, r, RatingLink.CARD_MENTION));
        return registered.map(r -> evidence(name, r));
    }

    @Override
    public RepositoryEvidence repository(String fullName) {
        Optional<RegistryLinks.Registered> registered = registry.find(DeclaredRelationship.CODE, fullName);
        if (registered.isEmpty()) {
            RepositoryEvidence fromHub = hub.repository(fullName);
            links.add(new RatingLink(DeclaredRelationship.CODE, fullName, null, RatingLink.HUB, fromHub.reachable()));
            return fromHub;
        }
        RegistryLinks.Registered code = registered.get();
        var source = code.content().source();
        if (source != null && source.kind() == SourceKind.GITHUB_REPOSITORY && source.repoId() != null) {
            RepositoryEvidence fromGitHub = hub.repository(source.repoId());
            links.add(new RatingLink(DeclaredRelationship.CODE, fullName, code.artifactId(), code.matchedBy(),
                    fromGitHub.reachable()));
            return fromGitHub;
        }
        record(DeclaredRelationship.CODE, fullName, code, code.matchedBy());
        ObjectNode repo = JSON.createObjectNode();
        repo.put("full_name", code.name());
        repo.put("registered_artifact_id", code.artifactId());
        withoutGit.add(code.name());
        return new RepositoryEvidence(code.name(), repo, List.of(), paths(code), null);
    }

    @Override
    public CloneEvidence clone(RepositoryEvidence repository) {
        if (withoutGit.contains(repository.fullName())) {
            return CloneEvidence.none(NO_GIT);
        }
        return hub.clone(repository);
    }

    @Override
    public ReviewLookup approvedPullRequest(String fullName, String commitSha, long deadlineNanos) {
        return hub.approvedPullRequest(fullName, commitSha, deadlineNanos);
    }

    @Override
    public ModelHistory modelHistory(String repoId) {
        return hub.modelHistory(repoId);
    }

    @Override
    public List<RatedModels.RatedModel> ratedModels(String repoIdOrName) {
        return hub.ratedModels(repoIdOrName);
    }

    @Override
    public List<RatingLink> links() {
        synchronized (links) {
            return List.copyOf(links);
        }
    }

    private void record(String kind, String target, RegistryLinks.Registered registered, String via) {
        links.add(new RatingLink(kind, target, registered.artifactId(), via, true));
    }

    /** A registered dataset as the metrics read one: its stored hub info (or its listing) and its card. */
    private static DatasetEvidence evidence(String requested, RegistryLinks.Registered dataset) {
        String id = dataset.repoId() != null ? dataset.repoId() : dataset.name();
        JsonNode info = parse(dataset.documents() == null ? null : dataset.documents().sourceMetadataJson());
        if (!info.isObject()) {
            ObjectNode listing = JSON.createObjectNode();
            listing.put("id", id);
            ArrayNode siblings = listing.putArray("siblings");
            paths(dataset).forEach(path -> siblings.addObject().put("rfilename", path));
            info = listing;
        }
        ModelCard card = ModelCard.parse(dataset.documents() == null ? null : dataset.documents().readme());
        return new DatasetEvidence(requested, id, info, card, null);
    }

    private static List<String> paths(RegistryLinks.Registered artifact) {
        if (artifact.content() == null || artifact.content().pkg() == null) {
            return List.of();
        }
        return artifact.content().pkg().files().stream().limit(MAX_LISTED_FILES).map(PackageFile::path).toList();
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.missingNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
