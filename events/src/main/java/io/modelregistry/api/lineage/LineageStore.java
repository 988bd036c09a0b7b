package io.modelregistry.api.lineage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lineage read model (port, query side): artifacts and the relationships each declared, with the look-ups
 * by {@link TargetKeys} that resolving a declared target to registered artifacts needs. Resolution itself is
 * not the store's business (it is decided when read, the same way for every adapter). {@link LineageWriter}
 * is its write side.
 */
public interface LineageStore {

    Optional<LineageArtifact> artifact(String id);

    /** What {@code id} declared, in declaration order. */
    List<DeclaredRelationship> declaredBy(String id);

    /**
     * Artifacts other than {@code excludedId} whose repo key ({@code TargetKeys.of(repoId).key()}), name key
     * ({@code TargetKeys.of(name).key()}), repo id's last segment, compact name ({@code TargetKeys.compactOf} of the
     * name key) or variant base ({@code TargetKeys.variantBaseOf(name)}) is in the given sets; ordered by id, at
     * most {@code limit}.
     */
    List<LineageArtifact> artifactsMatching(String excludedId, ArtifactKeys keys, int limit);

    /**
     * Relationships declared by artifacts other than {@code excludedOwner} whose target's key, flat key, last
     * segment or compact last segment ({@code TargetKeys.compactOf(last)}) is in the given sets; ordered by owner
     * id then declaration order, at most {@code limit}.
     */
    List<OwnedRelationship> relationshipsMatching(String excludedOwner, RelationshipKeys keys, int limit);

    record ArtifactKeys(Set<String> repoKeys, Set<String> nameKeys, Set<String> repoLasts, Set<String> nameCompacts,
                        Set<String> nameBases) {
        public ArtifactKeys {
            repoKeys = Set.copyOf(repoKeys);
            nameKeys = Set.copyOf(nameKeys);
            repoLasts = Set.copyOf(repoLasts);
            nameCompacts = Set.copyOf(nameCompacts);
            nameBases = Set.copyOf(nameBases);
        }

        public ArtifactKeys(Set<String> repoKeys, Set<String> nameKeys, Set<String> repoLasts) {
            this(repoKeys, nameKeys, repoLasts, Set.of(), Set.of());
        }
    }

    record RelationshipKeys(Set<String> targetKeys, Set<String> flatKeys, Set<String> lastKeys,
                            Set<String> compactKeys) {
        public RelationshipKeys {
            targetKeys = Set.copyOf(targetKeys);
            flatKeys = Set.copyOf(flatKeys);
            lastKeys = Set.copyOf(lastKeys);
            compactKeys = Set.copyOf(compactKeys);
        }

        public RelationshipKeys(Set<String> targetKeys, Set<String> flatKeys, Set<String> lastKeys) {
            this(targetKeys, flatKeys, lastKeys, Set.of());
        }
    }

    /** A declared relationship and the artifact that declared it. */
    record OwnedRelationship(String ownerId, DeclaredRelationship declared) {
    }
}
