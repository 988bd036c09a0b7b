package io.modelregistry.query.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    /** A depends on B and C; both depend on D. */
    private static final Map<String, List<String>> DIAMOND = Map.of("A", List.of("B", "C"), "B", List.of("D"),
            "C", List.of("D"), "D", List.of());
    private static final Map<String, Long> SIZES = Map.of("A", 100_000_000L, "B", 200_500_000L, "C", 300_000_001L,
            "D", 1_234_567L);

    private static CostInputs inputs(Map<String, List<String>> graph, Map<String, Long> sizes) {
        return new CostInputs() {
            @Override
            public OptionalLong bytes(String id) {
                return sizes.containsKey(id) ? OptionalLong.of(sizes.get(id)) : OptionalLong.empty();
            }

            @Override
            public List<String> dependencies(String id) {
                return graph.getOrDefault(id, List.of());
            }
        };
    }

    @Test
    void diamondCountsItsBottomOnce() {
        Map<String, ArtifactCost> costs = new CostCalculator(inputs(DIAMOND, SIZES)).withDependencies("A");

        assertThat(costs.keySet()).containsExactly("A", "B", "C", "D");
        // 100 + 200.5 + 300.000001 + 1.234567 MB, D once: 601.734568 → 601.735
        assertThat(costs.get("A")).isEqualTo(new ArtifactCost(100.0, 601.735));
        assertThat(costs.get("B")).isEqualTo(new ArtifactCost(200.5, 201.735));
        assertThat(costs.get("C")).isEqualTo(new ArtifactCost(300.0, 301.235));
        assertThat(costs.get("D")).isEqualTo(new ArtifactCost(1.235, 1.235));
    }

    @Test
    void withoutDependenciesTheTotalIsTheArtifactAlone() {
        assertThat(new CostCalculator(inputs(DIAMOND, SIZES)).standalone("A"))
                .containsExactly(Map.entry("A", new ArtifactCost(null, 100.0)));
    }

    @Test
    void cyclesTerminateAndUnregisteredDependenciesAreSkipped() {
        Map<String, List<String>> cycle = Map.of("A", List.of("B", "ghost"), "B", List.of("A"));
        Map<String, ArtifactCost> costs = new CostCalculator(inputs(cycle, Map.of("A", 1_000_000L, "B", 2_000_000L)))
                .withDependencies("A");
        assertThat(costs).containsOnlyKeys("A", "B");
        assertThat(costs.get("A").totalMb()).isEqualTo(3.0);
        assertThat(costs.get("B").totalMb()).isEqualTo(3.0);
    }

    @Test
    void closureIsBounded() {
        Map<String, List<String>> wide = new java.util.HashMap<>();
        Map<String, Long> sizes = new java.util.HashMap<>();
        List<String> children = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * CostCalculator.MAX_ARTIFACTS; i++) {
            children.add("n" + i);
            sizes.put("n" + i, 1L);
        }
        wide.put("root", children);
        sizes.put("root", 1L);
        assertThat(new CostCalculator(inputs(wide, sizes)).withDependencies("root")).hasSize(CostCalculator.MAX_ARTIFACTS);
    }

    @Test
    void megabytesAreDecimalAndRoundedToThreePlaces() {
        assertThat(CostCalculator.megabytes(440_449_768L)).isEqualTo(440.45);
        assertThat(CostCalculator.megabytes(1_499L)).isEqualTo(0.001);
        assertThat(CostCalculator.megabytes(499L)).isEqualTo(0.0);
        assertThat(CostCalculator.megabytes(3_454_102_159L)).isEqualTo(3454.102);
    }
}
