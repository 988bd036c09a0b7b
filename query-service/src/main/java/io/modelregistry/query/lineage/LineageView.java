package io.modelregistry.query.lineage;

import io.modelregistry.projection.lineage.LineageEdge;
import io.modelregistry.projection.lineage.LineageGraph;
import io.modelregistry.projection.lineage.LineageNode;
import java.util.List;
import java.util.Map;

/** The contract's ArtifactLineageGraph, with its field names as the OpenAPI document spells them. */
record LineageView(List<Node> nodes, List<Edge> edges) {

    /**
     * {@code node} repeats the artifact id: the contract's ArtifactLineageNode lists {@code node} as required
     * (while describing only the other fields), so a response validated against the document needs it.
     */
    record Node(String artifact_id, String name, String source, Map<String, Object> metadata, String node) {
    }

    record Edge(String from_node_artifact_id, String to_node_artifact_id, String relationship) {
    }

    static LineageView of(LineageGraph graph) {
        return new LineageView(graph.nodes().stream().map(LineageView::node).toList(),
                graph.edges().stream().map(LineageView::edge).toList());
    }

    private static Node node(LineageNode node) {
        return new Node(node.artifactId(), node.name(), node.source(), node.metadata(), node.artifactId());
    }

    private static Edge edge(LineageEdge edge) {
        return new Edge(edge.fromArtifactId(), edge.toArtifactId(), edge.relationship());
    }
}
