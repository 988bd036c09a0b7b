package io.modelregistry.projection.lineage;

import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageStore.OwnedRelationship;
import io.modelregistry.api.lineage.TargetKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The lineage read model as the query side asks it: artifacts, the relationships each declared, and their
 * resolution to registered artifacts, decided when read (see {@link TargetResolver}) over the
 * {@link LineageStore} port, so every adapter resolves the same way.
 */
@Component
public class LineageReadModel {

    /** Candidate declarations examined when looking for an artifact's children (a bound, not an expectation). */
    static final int MAX_INCOMING_CANDIDATES = 2_000;

    private final LineageStore store;
    private final TargetResolver resolver;

    public LineageReadModel(LineageStore store) {
        this.store = store;
        this.resolver = new TargetResolver(store);
    }

    public Optional<LineageArtifact> artifact(String id) {
        return store.artifact(id);
    }

    /**
     * What {@code id} declared, in declaration order, each resolved to the artifacts it names now. A name the card's
     * prose merely mentions is left out unless it names a registered artifact (it may be an English word).
     */
    public List<ResolvedRelationship> declaredBy(String id) {
        return store.declaredBy(id).stream()
                .map(declared -> new ResolvedRelationship(id, declared, resolver.resolve(id, declared)))
                .filter(resolved -> !resolved.targetIds().isEmpty() || !isMention(resolved.declared()))
                .toList();
    }

    static boolean isMention(DeclaredRelationship declared) {
        return DeclaredRelationship.SOURCE_README_MENTION.equals(declared.source());
    }

    /** Declarations by other artifacts whose target resolves to {@code id}: its children, datasets' users, … */
    public List<ResolvedRelationship> declaring(String id) {
        Optional<LineageArtifact> target = artifact(id);
        if (target.isEmpty()) {
            return List.of();
        }
        String nameKey = TargetKeys.of(target.get().name()).key();
        // a mention is stored compact, so a registered "FairFace" finds "trained on the `fair_face` dataset"
        Set<String> targetKeys = new HashSet<>(List.of(nameKey, TargetKeys.compactOf(nameKey)));
        if (target.get().repoId() != null) {
            targetKeys.add(TargetKeys.of(target.get().repoId()).key());
            targetKeys.add(TargetKeys.lastSegment(target.get().repoId()));
        }
        // a declared "fair_face" or "Fair-Face" finds a registered "FairFace" (and the other way round) by their
        // compact forms; a declared "ImageNet" finds a registered "imagenet-1k" by its variant base
        Set<String> compactKeys = new HashSet<>(List.of(TargetKeys.compactOf(nameKey)));
        String base = TargetKeys.variantBaseOf(target.get().name());
        if (base != null) {
            compactKeys.add(base);
        }
        List<OwnedRelationship> candidates = store.relationshipsMatching(id,
                new LineageStore.RelationshipKeys(targetKeys, Set.of(nameKey), Set.of(nameKey), compactKeys),
                MAX_INCOMING_CANDIDATES);
        List<ResolvedRelationship> incoming = new ArrayList<>();
        for (OwnedRelationship candidate : candidates) {
            List<String> resolved = resolver.resolve(candidate.ownerId(), candidate.declared());
            if (resolved.contains(id)) {
                incoming.add(new ResolvedRelationship(candidate.ownerId(), candidate.declared(), resolved));
            }
        }
        return incoming;
    }

    /** The registered artifacts {@code id} depends on directly (parents, datasets, code), each once. */
    public List<String> dependencies(String id) {
        Set<String> ids = new LinkedHashSet<>();
        declaredBy(id).forEach(relationship -> ids.addAll(relationship.targetIds()));
        return List.copyOf(ids);
    }
}
