package io.modelregistry.projection.lineage;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.RegisteredLinks;
import io.modelregistry.api.lineage.TargetKeys;
import io.modelregistry.api.rating.RatingLink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@link RegisteredLinks} over the lineage read model: a rating's links are resolved exactly as the lineage graph
 * resolves a declared target ({@link TargetResolver}), so what the rating used and what the graph draws agree.
 */
@Component
class LineageRegisteredLinks implements RegisteredLinks {

    /** Models rated again for one registration, at most: a dataset named by thousands of cards is not a loop. */
    static final int MAX_LINKING_MODELS = 64;

    private final LineageStore store;
    private final LineageReadModel readModel;
    private final TargetResolver resolver;

    LineageRegisteredLinks(LineageStore store, LineageReadModel readModel) {
        this.store = store;
        this.readModel = readModel;
        this.resolver = new TargetResolver(store);
    }

    @Override
    public List<Match> find(String targetKind, String target, int limit) {
        if (target == null || target.isBlank() || target.length() > 300) {
            return List.of();
        }
        DeclaredRelationship asked = new DeclaredRelationship(target, targetKind, "link", "rating", "");
        List<Match> matches = new ArrayList<>();
        TargetResolver.Resolution resolution = resolver.resolveWithTier("", asked);
        for (String id : resolution.ids()) {
            if (matches.size() >= Math.max(0, limit)) {
                break;
            }
            String byName = resolution.tier() == TargetResolver.VARIANT_TIER
                    ? RatingLink.REGISTRY_NAME_VARIANT : RatingLink.REGISTRY_NAME;
            store.artifact(id).ifPresent(a -> matches.add(new Match(a.id(), a.type(), a.name(), a.repoId(),
                    bySourceId(target, a) ? RatingLink.REGISTRY_SOURCE_ID : byName)));
        }
        return matches;
    }

    /** The target is the repo id of the artifact's source, or the legacy (owner-less) id of it; an upload has none. */
    private static boolean bySourceId(String target, LineageArtifact artifact) {
        if (artifact.repoId() == null || SourceKind.UPLOAD.name().equals(artifact.sourceKind())) {
            return false;
        }
        TargetKeys keys = TargetKeys.of(target);
        return keys.key().equals(TargetKeys.of(artifact.repoId()).key())
                || !keys.hasOwner() && keys.key().equals(TargetKeys.lastSegment(artifact.repoId()));
    }

    @Override
    public List<String> modelsLinkingTo(String artifactId, int limit) {
        Set<String> models = new LinkedHashSet<>();
        int bound = Math.min(Math.max(0, limit), MAX_LINKING_MODELS);
        for (ResolvedRelationship incoming : readModel.declaring(artifactId)) {
            if (models.size() >= bound) {
                break;
            }
            Optional<LineageArtifact> owner = store.artifact(incoming.fromId());
            if (owner.isPresent() && owner.get().type() == ArtifactType.MODEL) {
                models.add(owner.get().id());
            }
        }
        return List.copyOf(models);
    }

    @Override
    public boolean knows(String artifactId) {
        return store.artifact(artifactId).isPresent();
    }
}
