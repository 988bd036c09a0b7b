package io.modelregistry.projection.lineage;

import java.util.List;

/** A lineage graph; {@code truncated} tells that a bound (depth or node count) cut it short. */
public record LineageGraph(List<LineageNode> nodes, List<LineageEdge> edges, boolean truncated) {

    public LineageGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
