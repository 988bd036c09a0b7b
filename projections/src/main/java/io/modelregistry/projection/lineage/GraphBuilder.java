package io.modelregistry.projection.lineage;

import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.DeclaredRelationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates one lineage graph under the node and edge bounds: nodes once each, edges once per (from, to)
 * keeping the most trusted declaration (card metadata over config.json over README prose over a prose mention).
 */
final class GraphBuilder {

    private static final List<String> SOURCE_RANK = List.of(DeclaredRelationship.SOURCE_MODEL_CARD,
            DeclaredRelationship.SOURCE_CONFIG_JSON, DeclaredRelationship.SOURCE_README_TEXT,
            DeclaredRelationship.SOURCE_README_MENTION);
    private static final int MAX_EVIDENCE_PER_NODE = 64;

    private final int maxNodes;
    private final int maxEdges;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Edge> edges = new LinkedHashMap<>();
    private boolean truncated;

    GraphBuilder(int maxNodes, int maxEdges) {
        this.maxNodes = maxNodes;
        this.maxEdges = maxEdges;
    }

    private static final class Node {
        final String id;
        final String name;
        final Map<String, Object> metadata;
        final List<Map<String, Object>> evidence = new ArrayList<>();

        Node(String id, String name, Map<String, Object> metadata) {
            this.id = id;
            this.name = name;
            this.metadata = metadata;
        }
    }

    private record Edge(String from, String to, DeclaredRelationship declared) {
    }

    boolean contains(String id) {
        return nodes.containsKey(id);
    }

    /** Adds a registered artifact; false when the node bound is reached (the graph is then truncated). */
    boolean addRegistered(LineageArtifact artifact, String role) {
        if (nodes.containsKey(artifact.id())) {
            return true;
        }
        if (nodes.size() >= maxNodes) {
            truncated = true;
            return false;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("registered", true);
        metadata.put("artifact_type", artifact.type().wireName());
        metadata.put("role", role);
        putIfPresent(metadata, "repository_url", artifact.repositoryUrl());
        putIfPresent(metadata, "repo_id", artifact.repoId());
        putIfPresent(metadata, "source_url", artifact.sourceUrl());
        putIfPresent(metadata, "revision", artifact.revision());
        if (artifact.metadataMalformed()) {
            metadata.put("metadata_malformed", true);
        }
        nodes.put(artifact.id(), new Node(artifact.id(), artifact.name(), metadata));
        return true;
    }

    /** Adds (once) the node of a target no registered artifact matches; null when the node bound is reached. */
    String addExternal(DeclaredRelationship declared, String role) {
        String id = ExternalIds.of(declared.targetKind(), declared.target());
        if (nodes.containsKey(id)) {
            return id;
        }
        if (nodes.size() >= maxNodes) {
            truncated = true;
            return null;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("registered", false);
        metadata.put("artifact_type", declared.targetKind());
        metadata.put("role", role);
        metadata.put("repository_url", externalUrl(declared));
        metadata.put("repo_id", declared.target());
        nodes.put(id, new Node(id, declared.target(), metadata));
        return id;
    }

    /** An edge from upstream {@code from} to {@code to}, declared by {@code declarer}. */
    void addEdge(String from, String to, String declarer, DeclaredRelationship declared) {
        String key = from + "\u0000" + to;
        Edge existing = edges.get(key);
        if (existing == null && edges.size() >= maxEdges) {
            truncated = true;
            return;
        }
        if (existing == null || rank(declared) < rank(existing.declared())) {
            edges.put(key, new Edge(from, to, declared));
        }
        Node evidenceHolder = nodes.get(declarer.equals(to) ? to : from);
        if (evidenceHolder != null && evidenceHolder.evidence.size() < MAX_EVIDENCE_PER_NODE) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("declared_by", declarer);
            entry.put("upstream_artifact_id", from);
            entry.put("target", declared.target());
            entry.put("relationship", declared.relationship());
            entry.put("source", declared.source());
            putIfPresent(entry, "evidence", declared.evidence());
            evidenceHolder.evidence.add(entry);
        }
    }

    void markTruncated() {
        truncated = true;
    }

    LineageGraph build() {
        List<LineageNode> nodeList = new ArrayList<>();
        for (Node node : nodes.values()) {
            Map<String, Object> metadata = new LinkedHashMap<>(node.metadata);
            metadata.put("evidence", List.copyOf(node.evidence));
            nodeList.add(new LineageNode(node.id, node.name, discoveredBy(node.id), metadata));
        }
        List<LineageEdge> edgeList = edges.values().stream()
                .map(edge -> new LineageEdge(edge.from(), edge.to(), edge.declared().relationship())).toList();
        return new LineageGraph(nodeList, edgeList, truncated);
    }

    /**
     * How a node was discovered: its own declaration that links it to the graph (the best edge into it), else
     * the declaration that names it (the best edge out of it), else {@code registry} (a model alone).
     */
    private String discoveredBy(String id) {
        return best(id, true).or(() -> best(id, false)).orElse("registry");
    }

    private java.util.Optional<String> best(String id, boolean incoming) {
        return edges.values().stream().filter(edge -> (incoming ? edge.to() : edge.from()).equals(id))
                .min(java.util.Comparator.comparingInt(edge -> rank(edge.declared())))
                .map(edge -> edge.declared().source());
    }

    private static int rank(DeclaredRelationship declared) {
        int rank = SOURCE_RANK.indexOf(declared.source());
        return rank < 0 ? SOURCE_RANK.size() : rank;
    }

    private static String externalUrl(DeclaredRelationship declared) {
        return switch (declared.targetKind()) {
            case DeclaredRelationship.DATASET -> "https://huggingface.co/datasets/" + declared.target();
            case DeclaredRelationship.CODE -> "https://github.com/" + declared.target();
            default -> "https://huggingface.co/" + declared.target();
        };
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
