package io.modelregistry.projection.lineage;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.TargetKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides which registered artifacts a declared target names, best match first, in five tiers (the first tier
 * with a match wins, so an exact repo id is never shadowed by a name that merely looks alike):
 * <ol>
 *   <li>the artifact's repo id equals the target ({@code google-bert/bert-base-uncased}, case-insensitive);</li>
 *   <li>the artifact's name equals the target, or for code the target with its slash flattened
 *       ({@code google-research-bert});</li>
 *   <li>the artifact's name equals the target's last segment ({@code bert-base-uncased}), or a target without an
 *       owner (a legacy hub id) equals the last segment of the artifact's repo id;</li>
 *   <li>the artifact's name, without case and separators, equals the target's last segment so written
 *       ({@code FairFace} for {@code fair_face}, {@code Fair-Face} for {@code FairFace}; a name mentioned in a
 *       card's prose is stored that way);</li>
 *   <li>the artifact's name is a variant of the target: without its size or variant suffix
 *       ({@link TargetKeys#variantBaseOf}: {@code imagenet-1k}, {@code squad_v2}, {@code coco-2017}) it equals the
 *       target's last segment without case and separators ({@code ImageNet}). A family name does not say which
 *       variant is meant, so this tier links only when exactly one registered artifact of the kind matches it; and
 *       only datasets (a model of another size, {@code gemma-3-270m} for {@code gemma-3}, is another model).</li>
 * </ol>
 * Only artifacts of the target's kind match (a GitHub repository registered as a dataset also counts as code),
 * and never the declaring artifact itself.
 */
class TargetResolver {

    static final int MAX_MATCHES = 8;
    private static final int MAX_CANDIDATES = 200;

    private final LineageStore store;

    TargetResolver(LineageStore store) {
        this.store = store;
    }

    /** The tier of a variant match, linked only when it is the one candidate there. */
    static final int VARIANT_TIER = 5;

    private record Candidate(String id, ArtifactType type, String sourceKind, String nameKey, String repoKey,
                             String repoLast, String nameBase) {

        static Candidate of(LineageArtifact a) {
            return new Candidate(a.id(), a.type(), a.sourceKind(), TargetKeys.of(a.name()).key(),
                    a.repoId() == null ? null : TargetKeys.of(a.repoId()).key(), TargetKeys.lastSegment(a.repoId()),
                    TargetKeys.variantBaseOf(a.name()));
        }
    }

    List<String> resolve(String fromId, DeclaredRelationship declared) {
        return resolveWithTier(fromId, declared).ids();
    }

    /** The matches and the tier they matched at (0 with no match). */
    record Resolution(List<String> ids, int tier) {
    }

    Resolution resolveWithTier(String fromId, DeclaredRelationship declared) {
        TargetKeys target = TargetKeys.of(declared.target());
        // the repo id's last segment only matches a legacy (owner-less) target
        Set<String> repoLasts = target.hasOwner() ? Set.of() : Set.of(target.key());
        Set<String> nameKeys = new HashSet<>(List.of(target.key(), target.flat(), target.last(),
                TargetKeys.compactOf(target.last())));
        Set<String> compact = Set.of(TargetKeys.compactOf(target.last()));
        List<Candidate> candidates = store.artifactsMatching(fromId,
                        new LineageStore.ArtifactKeys(Set.of(target.key()), nameKeys, repoLasts, compact, compact),
                        MAX_CANDIDATES)
                .stream().map(Candidate::of).toList();
        List<Candidate> matching = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (kindMatches(declared.targetKind(), candidate) && tier(target, declared.targetKind(), candidate) > 0) {
                matching.add(candidate);
            }
        }
        int best = matching.stream().mapToInt(c -> tier(target, declared.targetKind(), c)).min().orElse(0);
        if (best == VARIANT_TIER && matching.size() > 1) {
            // "ImageNet" with both imagenet-1k and imagenet-21k registered: which one is not said
            return new Resolution(List.of(), 0);
        }
        return new Resolution(matching.stream().filter(c -> tier(target, declared.targetKind(), c) == best)
                .sorted(Comparator.comparing(Candidate::id)).limit(MAX_MATCHES).map(Candidate::id).toList(), best);
    }

    /** 1 to 5 as documented above; 0 when the candidate does not match at all. */
    private static int tier(TargetKeys target, String kind, Candidate c) {
        if (target.key().equals(c.repoKey())) {
            return 1;
        }
        if (target.key().equals(c.nameKey())
                || DeclaredRelationship.CODE.equals(kind) && target.flat().equals(c.nameKey())) {
            return 2;
        }
        if (target.last().equals(c.nameKey()) || !target.hasOwner() && target.key().equals(c.repoLast())) {
            return 3;
        }
        if (c.nameKey() != null && TargetKeys.compactOf(c.nameKey()).equals(TargetKeys.compactOf(target.last()))) {
            return 4;
        }
        if (DeclaredRelationship.DATASET.equals(kind) && c.nameBase() != null
                && c.nameBase().equals(TargetKeys.compactOf(target.last()))) {
            return VARIANT_TIER;
        }
        return 0;
    }

    private static boolean kindMatches(String kind, Candidate c) {
        return switch (kind) {
            case DeclaredRelationship.MODEL -> c.type() == ArtifactType.MODEL;
            case DeclaredRelationship.DATASET -> c.type() == ArtifactType.DATASET;
            case DeclaredRelationship.CODE -> c.type() == ArtifactType.CODE
                    || Objects.equals(c.sourceKind(), SourceKind.GITHUB_REPOSITORY.name());
            default -> false;
        };
    }
}
