package io.modelregistry.query.cost;

import static io.modelregistry.query.ReadModels.baseModel;
import static io.modelregistry.query.ReadModels.code;
import static io.modelregistry.query.ReadModels.trainedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.projection.lineage.LineageReadModel;
import io.modelregistry.query.ReadModels;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cost over the real directory and lineage projections: sizes as stored, dependencies as declared. */
class CostControllerTest {

    private static final String A = "100000000000000001";
    private static final String B = "100000000000000002";
    private static final String C = "100000000000000003";
    private static final String D = "100000000000000004";

    private final ReadModels readModels = new ReadModels();
    private final CostController controller = new CostController(readModels.bean(ArtifactDirectory.class),
            readModels.bean(LineageReadModel.class));

    @AfterEach
    void close() {
        readModels.close();
    }

    /** A fine-tunes a merge of B and C, which both derive from D; registered child-first. */
    private void diamond() {
        readModels.register(A, ArtifactType.MODEL, "a", "acme/a", 100_000_000L, 10);
        readModels.declare(A, "a", false, baseModel("acme/b"), baseModel("acme/c"));
        readModels.register(B, ArtifactType.MODEL, "b", "acme/b", 200_500_000L, 10);
        readModels.declare(B, "b", false, baseModel("acme/d"));
        readModels.register(C, ArtifactType.MODEL, "c", "acme/c", 300_000_001L, 10);
        readModels.declare(C, "c", false, baseModel("acme/d"));
        // declares nothing in its listing: the stored bundle's size is its cost
        readModels.register(D, ArtifactType.MODEL, "d", "acme/d", 0, 1_234_567L);
        readModels.declare(D, "d", false);
    }

    @Test
    void withoutDependenciesOnlyTheArtifactCounts() {
        diamond();
        assertThat(controller.cost("model", A, null)).isEqualTo(Map.of(A, Map.of("total_cost", 100.0)));
        assertThat(controller.cost("model", A, "false")).isEqualTo(Map.of(A, Map.of("total_cost", 100.0)));
    }

    @Test
    void withDependenciesTheDiamondBottomIsCountedOnce() {
        diamond();
        Map<String, Map<String, Double>> cost = controller.cost("model", A, "true");

        assertThat(cost.keySet()).containsExactly(A, B, C, D);
        assertThat(cost.get(A)).containsExactly(Map.entry("standalone_cost", 100.0), Map.entry("total_cost", 601.735));
        assertThat(cost.get(B)).containsExactly(Map.entry("standalone_cost", 200.5), Map.entry("total_cost", 201.735));
        assertThat(cost.get(C)).containsExactly(Map.entry("standalone_cost", 300.0), Map.entry("total_cost", 301.235));
        assertThat(cost.get(D)).containsExactly(Map.entry("standalone_cost", 1.235), Map.entry("total_cost", 1.235));
    }

    @Test
    void linkedDatasetsAndCodeAreDependencies() {
        readModels.register("200000000000000001", ArtifactType.DATASET, "bookcorpus", "bookcorpus/bookcorpus", 4_000_000L, 1);
        readModels.register("200000000000000002", ArtifactType.CODE, "google-research-bert", "google-research/bert", 2_000_000L, 1);
        readModels.register("200000000000000003", ArtifactType.MODEL, "bert-base-uncased", "google-bert/bert-base-uncased",
                440_000_000L, 1);
        readModels.declare("200000000000000003", "bert-base-uncased", false, trainedOn("bookcorpus"),
                trainedOn("wikipedia"), code("google-research/bert"));

        Map<String, Map<String, Double>> cost = controller.cost("model", "200000000000000003", "TRUE");
        assertThat(cost.keySet()).containsExactly("200000000000000003", "200000000000000001", "200000000000000002");
        assertThat(cost.get("200000000000000003").get("total_cost")).isEqualTo(446.0);
        // a dataset depends on nothing
        assertThat(controller.cost("dataset", "200000000000000001", "true"))
                .isEqualTo(Map.of("200000000000000001", Map.of("standalone_cost", 4.0, "total_cost", 4.0)));
    }

    @Test
    void badRequestsAndUnknownArtifacts() {
        diamond();
        assertKind(() -> controller.cost("model", A, "yes"), RegistryException.Kind.BAD_REQUEST);
        assertKind(() -> controller.cost("models", A, null), RegistryException.Kind.BAD_REQUEST);
        assertKind(() -> controller.cost("model", "not_an_id!", null), RegistryException.Kind.BAD_REQUEST);
        assertKind(() -> controller.cost("model", "999999999999999999", null), RegistryException.Kind.NOT_FOUND);
        assertKind(() -> controller.cost("dataset", A, null), RegistryException.Kind.NOT_FOUND);
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RegistryException.Kind kind) {
        assertThatThrownBy(call).isInstanceOf(RegistryException.class)
                .extracting(e -> ((RegistryException) e).kind()).isEqualTo(kind);
    }
}
