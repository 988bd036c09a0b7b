package io.modelregistry.projection.lineage;

import static io.modelregistry.projection.lineage.LineageFixture.card;
import static io.modelregistry.projection.lineage.LineageFixture.code;
import static io.modelregistry.projection.lineage.LineageFixture.config;
import static io.modelregistry.projection.lineage.LineageFixture.dataset;
import static io.modelregistry.projection.lineage.LineageFixture.prose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LineageGraphsTest {

    private static final String RESNET = "100000000000000001";
    private static final String GENDER = "100000000000000002";
    private static final String ONNX = "100000000000000003";

    private final LineageFixture f = new LineageFixture();

    private void resnetChain() {
        f.model(RESNET, "resnet-50", "microsoft/resnet-50");
        f.model(GENDER, "trained-gender", "crangana/trained-gender", card("microsoft/resnet-50"),
                config("microsoft/resnet-50"), prose("microsoft/resnet-50"));
        f.model(ONNX, "trained-gender-ONNX-2", "onnx-community/trained-gender-ONNX-2", card("crangana/trained-gender"),
                config("crangana/trained-gender"));
    }

    private LineageGraph graph(String id) {
        return f.graphs.graph(id, LineageOptions.MODELS_ONLY).orElseThrow();
    }

    @Test
    void chainOfDepthTwoHoldsTheRegisteredModelsWithBaseModelEdgesParentToChild() {
        resnetChain();

        LineageGraph fromLeaf = graph(ONNX);
        assertThat(fromLeaf.nodes()).extracting(LineageNode::artifactId, LineageNode::name, LineageNode::source)
                .containsExactlyInAnyOrder(tuple(ONNX, "trained-gender-ONNX-2", "model_card"),
                        tuple(GENDER, "trained-gender", "model_card"), tuple(RESNET, "resnet-50", "model_card"));
        assertThat(fromLeaf.edges()).containsExactlyInAnyOrder(new LineageEdge(RESNET, GENDER, "base_model"),
                new LineageEdge(GENDER, ONNX, "base_model"));
        assertThat(fromLeaf.truncated()).isFalse();

        // the same lineage from the root and from the middle: ancestors and descendants, transitively
        assertThat(graph(RESNET).edges()).containsExactlyInAnyOrderElementsOf(fromLeaf.edges());
        assertThat(graph(GENDER).edges()).containsExactlyInAnyOrderElementsOf(fromLeaf.edges());
        assertThat(graph(RESNET).nodes()).extracting(LineageNode::artifactId).containsExactlyInAnyOrder(RESNET, GENDER, ONNX);
    }

    @Test
    void everyNodeCarriesMetadataWithEvidence() {
        resnetChain();
        for (LineageNode node : graph(ONNX).nodes()) {
            assertThat(node.metadata()).isNotNull().containsEntry("registered", true).containsKey("repository_url");
        }
        LineageNode gender = graph(ONNX).nodes().stream().filter(n -> n.artifactId().equals(GENDER)).findFirst().orElseThrow();
        assertThat(gender.metadata()).containsEntry("repo_id", "crangana/trained-gender")
                .containsEntry("repository_url", "https://huggingface.co/crangana/trained-gender")
                .containsEntry("role", "ancestor");
        assertThat((java.util.List<?>) gender.metadata().get("evidence")).isNotEmpty();
    }

    @Test
    void childIngestedBeforeItsParentsLinksUpWhenTheyArrive() {
        f.model(ONNX, "trained-gender-ONNX-2", "onnx-community/trained-gender-ONNX-2", card("crangana/trained-gender"));
        assertThat(graph(ONNX).nodes()).extracting(LineageNode::artifactId).containsExactly(ONNX);
        assertThat(graph(ONNX).edges()).isEmpty();

        f.model(GENDER, "trained-gender", "crangana/trained-gender", card("microsoft/resnet-50"));
        f.model(RESNET, "resnet-50", "microsoft/resnet-50");

        assertThat(graph(ONNX).edges()).containsExactlyInAnyOrder(new LineageEdge(RESNET, GENDER, "base_model"),
                new LineageEdge(GENDER, ONNX, "base_model"));
    }

    @Test
    void missingParentAppearsOnlyOnRequestWithAStableNonCollidingId() {
        f.model(GENDER, "trained-gender", "crangana/trained-gender", card("microsoft/resnet-50"));

        assertThat(graph(GENDER).nodes()).extracting(LineageNode::artifactId).containsExactly(GENDER);

        LineageGraph withExternal = f.graphs.graph(GENDER, new LineageOptions(true, false)).orElseThrow();
        assertThat(withExternal.nodes()).hasSize(2);
        LineageNode external = withExternal.nodes().get(1);
        assertThat(external.artifactId()).matches("ext-[0-9a-f]{16}").isEqualTo(ExternalIds.of("model", "Microsoft/ResNet-50"));
        assertThat(external.name()).isEqualTo("microsoft/resnet-50");
        assertThat(external.metadata()).containsEntry("registered", false)
                .containsEntry("repository_url", "https://huggingface.co/microsoft/resnet-50");
        assertThat(withExternal.edges()).containsExactly(new LineageEdge(external.artifactId(), GENDER, "base_model"));
    }

    @Test
    void listValuedBaseModelLinksEveryParent() {
        f.model("100000000000000011", "Mistral-7B-v0.1", "mistralai/Mistral-7B-v0.1");
        f.model("100000000000000012", "zephyr-7b-beta", "HuggingFaceH4/zephyr-7b-beta");
        f.model("100000000000000013", "merged-7b", "acme/merged-7b",
                new io.modelregistry.api.lineage.DeclaredRelationship("mistralai/Mistral-7B-v0.1", "model", "merged_from",
                        "model_card", "README.md front matter base_model: mistralai/Mistral-7B-v0.1"),
                new io.modelregistry.api.lineage.DeclaredRelationship("HuggingFaceH4/zephyr-7b-beta", "model", "merged_from",
                        "model_card", "README.md front matter base_model: HuggingFaceH4/zephyr-7b-beta"));

        assertThat(graph("100000000000000013").edges()).containsExactlyInAnyOrder(
                new LineageEdge("100000000000000011", "100000000000000013", "merged_from"),
                new LineageEdge("100000000000000012", "100000000000000013", "merged_from"));
    }

    @Test
    void legacyIdsResolveByNameOrRepoLastSegmentAndTheMostTrustedDeclarationNamesTheEdge() {
        f.model("200000000000000001", "BERT (uncased)", "google-bert/bert-base-uncased");
        f.model("200000000000000002", "bert-base-uncased-finetuned-sst2", "BAHIJA/bert-base-uncased-finetuned-sst2",
                config("bert-base-uncased"), prose("bert-base-uncased"));

        assertThat(graph("200000000000000002").edges())
                .containsExactly(new LineageEdge("200000000000000001", "200000000000000002", "base_model"));
    }

    @Test
    void exactRepoIdWinsOverLookAlikesAndSelfIsNeverItsOwnParent() {
        f.model("300000000000000001", "distilbert-base-uncased-finetuned-sst-2-english",
                "distilbert/distilbert-base-uncased-finetuned-sst-2-english");
        f.model("300000000000000002", "distilbert-base-uncased-finetuned-sst-2-english",
                "Xenova/distilbert-base-uncased-finetuned-sst-2-english",
                card("distilbert/distilbert-base-uncased-finetuned-sst-2-english"),
                config("distilbert-base-uncased-finetuned-sst-2-english"));

        LineageGraph graph = graph("300000000000000002");
        assertThat(graph.edges()).containsExactly(new LineageEdge("300000000000000001", "300000000000000002", "base_model"));
        assertThat(graph("300000000000000001").edges()).containsExactlyElementsOf(graph.edges());
    }

    @Test
    void cyclicMetadataTerminates() {
        f.model("400000000000000001", "a", "acme/a", card("acme/b"));
        f.model("400000000000000002", "b", "acme/b", card("acme/a"));

        LineageGraph graph = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> graph("400000000000000001"));
        assertThat(graph.nodes()).extracting(LineageNode::artifactId)
                .containsExactlyInAnyOrder("400000000000000001", "400000000000000002");
        assertThat(graph.edges()).containsExactlyInAnyOrder(
                new LineageEdge("400000000000000002", "400000000000000001", "base_model"),
                new LineageEdge("400000000000000001", "400000000000000002", "base_model"));
    }

    @Test
    void selfReferenceIsNoEdgeAndLongChainsAreCutAtTheDepthBound() {
        f.model("500000000000000099", "self", "acme/self", card("acme/self"), config("self"));
        assertThat(graph("500000000000000099").edges()).isEmpty();

        f.model("500000000000000000", "m0", "acme/m0");
        for (int i = 1; i <= 40; i++) {
            f.model(String.valueOf(500000000000000000L + i), "m" + i, "acme/m" + i, card("acme/m" + (i - 1)));
        }
        LineageGraph graph = graph("500000000000000040");
        assertThat(graph.truncated()).isTrue();
        assertThat(graph.nodes()).hasSizeLessThanOrEqualTo(LineageGraphs.MAX_DEPTH + 1);
    }

    @Test
    void deletingAParentUnlinksItAndReRegisteringLinksItAgain() {
        resnetChain();
        f.delete(RESNET, ArtifactType.MODEL, "resnet-50");
        assertThat(graph(ONNX).edges()).containsExactly(new LineageEdge(GENDER, ONNX, "base_model"));

        f.model("100000000000000009", "resnet-50", "microsoft/resnet-50");
        assertThat(graph(ONNX).edges()).contains(new LineageEdge("100000000000000009", GENDER, "base_model"));
    }

    @Test
    void updateReplacesDeclaredRelationships() {
        resnetChain();
        f.update(ONNX, "trained-gender-ONNX-2", "onnx-community/trained-gender-ONNX-2", card("microsoft/resnet-50"));
        assertThat(graph(ONNX).edges()).containsExactly(new LineageEdge(RESNET, ONNX, "base_model"));
    }

    @Test
    void malformedMetadataIsVisibleToTheCaller() {
        f.register("600000000000000001", ArtifactType.MODEL, "broken", "acme/broken", SourceKind.HUGGINGFACE_MODEL);
        f.declare("600000000000000001", "broken", true);
        assertThat(f.readModel.artifact("600000000000000001").orElseThrow().metadataMalformed()).isTrue();
        assertThat(f.graphs.graph("999999999999999999", LineageOptions.MODELS_ONLY)).isEmpty();
    }

    @Test
    void resetClearsEverything() {
        resnetChain();
        f.reset();
        assertThat(f.readModel.artifact(ONNX)).isEmpty();
        assertThat(f.jdbc.queryForObject("SELECT COUNT(*) FROM lineage_relationship", Integer.class)).isZero();
    }

    @Test
    void datasetsAndCodeJoinOnRequestAndCountAsDependencies() {
        f.register("700000000000000001", ArtifactType.DATASET, "bookcorpus", "bookcorpus/bookcorpus",
                SourceKind.HUGGINGFACE_DATASET);
        f.register("700000000000000002", ArtifactType.CODE, "google-research-bert", "google-research/bert",
                SourceKind.GITHUB_REPOSITORY);
        f.model("700000000000000003", "bert-base-uncased", "google-bert/bert-base-uncased", dataset("bookcorpus"),
                dataset("wikipedia"), code("google-research/bert"));

        assertThat(graph("700000000000000003").nodes()).hasSize(1);
        LineageGraph withData = f.graphs.graph("700000000000000003", new LineageOptions(false, true)).orElseThrow();
        assertThat(withData.edges()).containsExactlyInAnyOrder(
                new LineageEdge("700000000000000001", "700000000000000003", "trained_on"),
                new LineageEdge("700000000000000002", "700000000000000003", "code_repository"));
        assertThat(withData.nodes()).extracting(n -> n.metadata().get("artifact_type"))
                .containsExactly("model", "dataset", "code");
        LineageGraph everything = f.graphs.graph("700000000000000003", new LineageOptions(true, true)).orElseThrow();
        assertThat(everything.nodes()).extracting(LineageNode::name).contains("wikipedia");

        assertThat(f.readModel.dependencies("700000000000000003"))
                .containsExactly("700000000000000001", "700000000000000002");
        assertThat(f.readModel.dependencies("700000000000000001")).isEmpty();
    }
}
