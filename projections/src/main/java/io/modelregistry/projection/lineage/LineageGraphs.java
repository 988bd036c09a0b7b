package io.modelregistry.projection.lineage;

import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.lineage.DeclaredRelationship;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The lineage graph of a model: its ancestors (what it derives from, transitively) and its descendants (what
 * derives from it, transitively), with edges parent → child. Breadth-first with visited sets and bounds on
 * depth and size, so cyclic metadata (A says B is its base, B says A) terminates like any other graph.
 */
@Component
public class LineageGraphs {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NODES = 500;
    public static final int MAX_EDGES = 2_000;

    private final LineageReadModel readModel;

    public LineageGraphs(LineageReadModel readModel) {
        this.readModel = readModel;
    }

    /** Empty when no artifact has this id; callers check the type and metadata before asking. */
    public Optional<LineageGraph> graph(String rootId, LineageOptions options) {
        Optional<LineageArtifact> root = readModel.artifact(rootId);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Traversal traversal = new Traversal(options);
        traversal.graph.addRegistered(root.get(), "queried");
        traversal.ancestors(rootId);
        traversal.descendants(rootId);
        if (options.includeData()) {
            traversal.data();
        }
        return Optional.of(traversal.graph.build());
    }

    private record Step(String id, int depth) {
    }

    /** One graph's walk; it caches what each artifact declared, as the walk and the data pass both read it. */
    private final class Traversal {
        final LineageOptions options;
        final GraphBuilder graph = new GraphBuilder(MAX_NODES, MAX_EDGES);
        final Map<String, List<ResolvedRelationship>> declared = new HashMap<>();
        final List<String> models = new ArrayList<>();

        Traversal(LineageOptions options) {
            this.options = options;
        }

        void ancestors(String rootId) {
            walk(rootId, true);
        }

        void descendants(String rootId) {
            walk(rootId, false);
        }

        private void walk(String rootId, boolean upward) {
            Set<String> visited = new HashSet<>(Set.of(rootId));
            Deque<Step> queue = new ArrayDeque<>(List.of(new Step(rootId, 0)));
            if (!models.contains(rootId)) {
                models.add(rootId);
            }
            while (!queue.isEmpty()) {
                Step step = queue.poll();
                List<ResolvedRelationship> links = upward ? declaredBy(step.id()) : readModel.declaring(step.id());
                for (ResolvedRelationship link : links) {
                    if (!DeclaredRelationship.MODEL.equals(link.declared().targetKind())) {
                        continue;
                    }
                    if (upward && link.targetIds().isEmpty() && options.includeExternal()) {
                        String external = graph.addExternal(link.declared(), "ancestor");
                        if (external != null) {
                            graph.addEdge(external, step.id(), step.id(), link.declared());
                        }
                    }
                    List<String> next = upward ? link.targetIds() : List.of(link.fromId());
                    for (String id : next) {
                        if (!addModel(id, upward ? "ancestor" : "descendant")) {
                            continue;
                        }
                        if (upward) {
                            graph.addEdge(id, step.id(), step.id(), link.declared());
                        } else {
                            graph.addEdge(step.id(), id, id, link.declared());
                        }
                        if (visited.add(id)) {
                            if (step.depth() + 1 < MAX_DEPTH) {
                                queue.add(new Step(id, step.depth() + 1));
                            } else {
                                graph.markTruncated();
                            }
                        }
                    }
                }
            }
        }

        /** Datasets and code the graph's registered models link to (and, with external, those not registered). */
        void data() {
            for (String model : List.copyOf(models)) {
                for (ResolvedRelationship link : declaredBy(model)) {
                    String kind = link.declared().targetKind();
                    if (DeclaredRelationship.MODEL.equals(kind)) {
                        continue;
                    }
                    if (link.targetIds().isEmpty() && options.includeExternal()) {
                        String external = graph.addExternal(link.declared(), kind);
                        if (external != null) {
                            graph.addEdge(external, model, model, link.declared());
                        }
                    }
                    for (String id : link.targetIds()) {
                        Optional<LineageArtifact> artifact = readModel.artifact(id);
                        if (artifact.isPresent() && graph.addRegistered(artifact.get(), kind)) {
                            graph.addEdge(id, model, model, link.declared());
                        }
                    }
                }
            }
        }

        private boolean addModel(String id, String role) {
            if (graph.contains(id)) {
                return true;
            }
            Optional<LineageArtifact> artifact = readModel.artifact(id).filter(a -> a.type() == ArtifactType.MODEL);
            if (artifact.isEmpty() || !graph.addRegistered(artifact.get(), role)) {
                return false;
            }
            models.add(id);
            return true;
        }

        private List<ResolvedRelationship> declaredBy(String id) {
            return declared.computeIfAbsent(id, readModel::declaredBy);
        }
    }
}
