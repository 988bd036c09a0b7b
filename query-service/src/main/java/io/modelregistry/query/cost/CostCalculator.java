package io.modelregistry.query.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Download cost in MB, where 1 MB = 10^6 bytes (as disk and network sizes are quoted; the hub's sizes too),
 * rounded half-up to 3 decimals (kB precision). Totals are summed in bytes and converted once.
 *
 * <p>With dependencies, every artifact in the root's transitive dependency closure gets an entry: its
 * standalone cost, and its total cost = its own bytes plus those of every artifact in its own closure, each
 * counted once however many paths lead to it (a diamond counts its bottom once). The walk keeps a visited
 * set and stops at {@link #MAX_ARTIFACTS}, so cyclic metadata cannot loop.
 */
final class CostCalculator {

    static final int MAX_ARTIFACTS = 500;
    private static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1_000_000L);

    private final CostInputs inputs;
    // each artifact is looked up once per request, however many closures it belongs to
    private final Map<String, List<String>> dependencies = new HashMap<>();
    private final Map<String, OptionalLong> sizes = new HashMap<>();

    CostCalculator(CostInputs inputs) {
        this.inputs = inputs;
    }

    /** {@code {root: total}} where total is the root's own size: the contract's answer without dependencies. */
    Map<String, ArtifactCost> standalone(String rootId) {
        long bytes = bytes(rootId).orElse(0L);
        return Map.of(rootId, new ArtifactCost(null, megabytes(bytes)));
    }

    /** One entry per artifact of the root's closure, the root first, then in breadth-first order. */
    Map<String, ArtifactCost> withDependencies(String rootId) {
        Map<String, ArtifactCost> costs = new LinkedHashMap<>();
        for (String id : closure(rootId)) {
            long own = bytes(id).orElse(0L);
            long total = closure(id).stream().mapToLong(member -> bytes(member).orElse(0L)).sum();
            costs.put(id, new ArtifactCost(megabytes(own), megabytes(total)));
        }
        return costs;
    }

    /** The artifact and everything it depends on, transitively, each once; unregistered ids are skipped. */
    Set<String> closure(String rootId) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        seen.add(rootId);
        queue.add(rootId);
        while (!queue.isEmpty() && seen.size() < MAX_ARTIFACTS) {
            for (String next : dependenciesOf(queue.poll())) {
                if (seen.size() >= MAX_ARTIFACTS) {
                    break;
                }
                if (bytes(next).isPresent() && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    private OptionalLong bytes(String id) {
        return sizes.computeIfAbsent(id, inputs::bytes);
    }

    private List<String> dependenciesOf(String id) {
        return dependencies.computeIfAbsent(id, inputs::dependencies);
    }

    static double megabytes(long bytes) {
        return new BigDecimal(bytes).divide(BYTES_PER_MB, 3, RoundingMode.HALF_UP).doubleValue();
    }
}
