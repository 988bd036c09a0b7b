package io.modelregistry.hub.lineage;

import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gathers relationships in the order of trust (card metadata, then config.json, then README text): the first
 * statement of a (target, relationship) pair wins, self-references are dropped, and the count is bounded.
 */
final class RelationshipCollector {

    private static final int MAX_EVIDENCE = 240;

    private final String selfRepoId;
    private final List<DeclaredRelationship> relationships = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    RelationshipCollector(String selfRepoId) {
        this.selfRepoId = selfRepoId == null ? null : selfRepoId.toLowerCase(Locale.ROOT);
    }

    void add(String target, String kind, String relationship, String source, String evidence) {
        if (target == null || relationships.size() >= ArtifactRelationshipsDeclared.MAX_RELATIONSHIPS) {
            return;
        }
        String key = target.toLowerCase(Locale.ROOT);
        if (key.equals(selfRepoId)) {
            return;
        }
        if (seen.add(kind + "|" + relationship + "|" + key)) {
            relationships.add(new DeclaredRelationship(target, kind, relationship, source, bounded(evidence)));
        }
    }

    List<DeclaredRelationship> relationships() {
        return List.copyOf(relationships);
    }

    private static String bounded(String evidence) {
        String oneLine = evidence.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_EVIDENCE ? oneLine : oneLine.substring(0, MAX_EVIDENCE - 1) + "…";
    }
}
