package io.modelregistry.query.lineage;

import static io.modelregistry.query.ReadModels.baseModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.projection.lineage.LineageGraphs;
import io.modelregistry.projection.lineage.LineageReadModel;
import io.modelregistry.query.ReadModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lineage endpoint over the real projections, checked on the JSON the contract (and its client) reads. */
class LineageControllerTest {

    private static final String RESNET = "300000000000000001";
    private static final String GENDER = "300000000000000002";
    private static final String ONNX = "300000000000000003";

    private final ReadModels readModels = new ReadModels();
    private final LineageController controller = new LineageController(readModels.bean(LineageReadModel.class),
            readModels.bean(LineageGraphs.class), null); // no as_of here: the time travel is tested over HTTP
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        readModels.close();
    }

    private void chain() {
        readModels.register(ONNX, ArtifactType.MODEL, "trained-gender-ONNX-2", "onnx-community/trained-gender-ONNX-2", 1, 1);
        readModels.declare(ONNX, "trained-gender-ONNX-2", false, baseModel("crangana/trained-gender"));
        readModels.register(GENDER, ArtifactType.MODEL, "trained-gender", "crangana/trained-gender", 1, 1);
        readModels.declare(GENDER, "trained-gender", false, baseModel("microsoft/resnet-50"));
        readModels.register(RESNET, ArtifactType.MODEL, "resnet-50", "microsoft/resnet-50", 1, 1);
        readModels.declare(RESNET, "resnet-50", false);
    }

    @Test
    void theClientsChainAsTheContractSpellsIt() {
        chain();
        var response = controller.lineage(ONNX, null, null, null);
        JsonNode body = json.valueToTree(response.getBody());

        List<String> ids = new ArrayList<>();
        body.get("nodes").forEach(node -> {
            ids.add(node.get("artifact_id").asText());
            assertThat(node.get("name").isTextual()).isTrue();
            assertThat(node.get("source").isTextual()).isTrue();
            assertThat(node.get("metadata").isObject()).as("metadata is an object, never null").isTrue();
            assertThat(node.get("node").asText()).as("the contract's required 'node'").isEqualTo(node.get("artifact_id").asText());
        });
        assertThat(ids).containsExactlyInAnyOrder(RESNET, GENDER, ONNX);
        List<String> edges = new ArrayList<>();
        body.get("edges").forEach(edge -> edges.add(edge.get("from_node_artifact_id").asText() + ">"
                + edge.get("to_node_artifact_id").asText() + ":" + edge.get("relationship").asText()));
        assertThat(edges).containsExactlyInAnyOrder(RESNET + ">" + GENDER + ":base_model", GENDER + ">" + ONNX + ":base_model");
        assertThat(response.getHeaders().containsKey(LineageController.TRUNCATED_HEADER)).isFalse();
    }

    @Test
    void externalAncestorsOnlyOnRequest() {
        readModels.register(GENDER, ArtifactType.MODEL, "trained-gender", "crangana/trained-gender", 1, 1);
        readModels.declare(GENDER, "trained-gender", false, baseModel("microsoft/resnet-50"));

        assertThat(controller.lineage(GENDER, null, "false", null).getBody().nodes()).hasSize(1);
        var nodes = controller.lineage(GENDER, "true", null, null).getBody().nodes();
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(1).artifact_id()).startsWith("ext-").matches("[a-zA-Z0-9\\-]+");
    }

    @Test
    void unknownIdsAndNonModelsAre404() {
        chain();
        readModels.register("300000000000000009", ArtifactType.DATASET, "imagenet-1k", "ILSVRC/imagenet-1k", 1, 1);
        assertKind(() -> controller.lineage("999999999999999999", null, null, null), RegistryException.Kind.NOT_FOUND);
        assertKind(() -> controller.lineage("300000000000000009", null, null, null), RegistryException.Kind.NOT_FOUND);
    }

    @Test
    void malformedMetadataAndBadParametersAre400() {
        readModels.register("300000000000000005", ArtifactType.MODEL, "broken", "acme/broken", 1, 1);
        readModels.declare("300000000000000005", "broken", true);
        assertKind(() -> controller.lineage("300000000000000005", null, null, null), RegistryException.Kind.BAD_REQUEST);
        chain();
        assertKind(() -> controller.lineage(ONNX, "maybe", null, null), RegistryException.Kind.BAD_REQUEST);
        assertKind(() -> controller.lineage("bad id!", null, null, null), RegistryException.Kind.BAD_REQUEST);
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RegistryException.Kind kind) {
        assertThatThrownBy(call).isInstanceOf(RegistryException.class)
                .extracting(e -> ((RegistryException) e).kind()).isEqualTo(kind);
    }
}
