package io.modelregistry.hub.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.lineage.DeclaredRelationship;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationshipExtractorTest {

    private final RelationshipExtractor extractor = new RelationshipExtractor();

    @Test
    void trainerCardWithoutBaseModelKeyLinksThroughConfigAndReadmeSentence() {
        DeclaredLineage lineage = fixture("BAHIJA/bert-base-uncased-finetuned-sst2");

        assertThat(lineage.metadataMalformed()).isFalse();
        assertThat(lineage.relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::targetKind,
                        DeclaredRelationship::relationship, DeclaredRelationship::source)
                .containsExactly(
                        tuple("glue", "dataset", "trained_on", "model_card"),
                        tuple("bert-base-uncased", "model", "base_model", "config_json"),
                        tuple("bert-base-uncased", "model", "fine_tuned_from", "readme_text"));
        assertThat(lineage.relationships().get(1).evidence()).isEqualTo("config.json _name_or_path: bert-base-uncased");
        assertThat(lineage.relationships().get(2).evidence())
                .startsWith("README.md line 30: fine-tuned version of [bert-base-uncased]");
    }

    @Test
    void squadFineTuneDeclaresItsDataset() {
        assertThat(fixture("FabianWillner/bert-base-uncased-finetuned-squad").relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship)
                .containsExactly(tuple("squad", "trained_on"), tuple("bert-base-uncased", "base_model"),
                        tuple("bert-base-uncased", "fine_tuned_from"));
    }

    @Test
    void xenovaExportNamesItsBaseModelInCardMetadataAndConfig() {
        assertThat(fixture("Xenova/distilbert-base-uncased-finetuned-sst-2-english").relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship, DeclaredRelationship::source)
                .containsExactly(
                        tuple("distilbert/distilbert-base-uncased-finetuned-sst-2-english", "base_model", "model_card"),
                        tuple("distilbert-base-uncased-finetuned-sst-2-english", "base_model", "config_json"));
    }

    @Test
    void trainedGenderChainIsDeclaredByCardMetadataOnBothLinks() {
        assertThat(fixture("crangana/trained-gender").relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship, DeclaredRelationship::source)
                .containsExactly(
                        tuple("microsoft/resnet-50", "base_model", "model_card"),
                        tuple("microsoft/resnet-50", "fine_tuned_from", "readme_text"));
        DeclaredLineage onnx = fixture("onnx-community/trained-gender-ONNX-2");
        // the config's _name_or_path repeats the card's statement; the dataset URL is inside a code block
        assertThat(onnx.relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship, DeclaredRelationship::source)
                .containsExactly(tuple("crangana/trained-gender", "base_model", "model_card"));
        assertThat(onnx.relationships().get(0).evidence()).isEqualTo("README.md front matter base_model: crangana/trained-gender");
    }

    @Test
    void gemmaInstructionTunedVariantPointsAtItsBase() {
        DeclaredLineage lineage = fixture("google/gemma-3-270m-it");
        assertThat(lineage.relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship)
                .containsExactly(tuple("google/gemma-3-270m", "base_model"));
        assertThat(fixture("google/gemma-3-270m").relationships()).isEmpty();
    }

    @Test
    void bertDeclaresDatasetsAndItsCodeRepository() {
        assertThat(fixture("google-bert/bert-base-uncased").relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::targetKind, DeclaredRelationship::relationship)
                .containsExactly(
                        tuple("bookcorpus", "dataset", "trained_on"),
                        tuple("wikipedia", "dataset", "trained_on"),
                        tuple("google-research/bert", "code", "code_repository"));
    }

    @Test
    void distilbertIsDistilledFromBertAccordingToItsProse() {
        assertThat(fixture("distilbert/distilbert-base-uncased").relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship)
                .contains(tuple("bert-base-uncased", "distilled_from"), tuple("huggingface/transformers", "code_repository"));
    }

    @Test
    void proseDatasetLinksCountOnlyInTrainingContext() {
        List<DeclaredRelationship> relationships = fixture("distilbert/distilbert-base-uncased-finetuned-sst-2-english")
                .relationships();
        assertThat(relationships)
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship, DeclaredRelationship::source)
                .contains(tuple("distilbert-base-uncased", "fine_tuned_from", "readme_text"),
                        tuple("sst2", "trained_on", "model_card"), tuple("glue", "trained_on", "model_card"));
        // "bias evaluation datasets" are not training data
        assertThat(relationships).extracting(DeclaredRelationship::target)
                .doesNotContain("wino_bias", "super_glue", "stereoset");
    }

    @Test
    void listValuedBaseModelWithRelationDeclaresEveryParent() {
        String readme = """
                ---
                base_model:
                - mistralai/Mistral-7B-v0.1
                - HuggingFaceH4/zephyr-7b-beta
                base_model_relation: merge
                datasets: stanfordnlp/imdb
                ---
                # merged
                """;
        DeclaredLineage lineage = extract("acme/merged-7b", readme, null, null);
        assertThat(lineage.relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship)
                .containsExactly(tuple("mistralai/Mistral-7B-v0.1", "merged_from"),
                        tuple("HuggingFaceH4/zephyr-7b-beta", "merged_from"), tuple("stanfordnlp/imdb", "trained_on"));
        assertThat(lineage.relationships().get(0).evidence()).contains("base_model_relation: merge");
    }

    @Test
    void quantizedAndAdapterRelationsAreNamed() {
        assertThat(extract("a/q", "---\nbase_model: b/base\nbase_model_relation: quantized\n---\n", null, null)
                .relationships()).extracting(DeclaredRelationship::relationship).containsExactly("quantized_from");
        String adapterConfig = "{\"peft_type\": \"LORA\", \"base_model_name_or_path\": \"meta-llama/Llama-2-7b-hf\"}";
        assertThat(extract("a/lora", null, adapterConfig, null).relationships())
                .extracting(DeclaredRelationship::target, DeclaredRelationship::relationship)
                .containsExactly(tuple("meta-llama/Llama-2-7b-hf", "adapter_of"));
    }

    @Test
    void malformedConfigIsRecordedNotThrown() {
        String brokenConfig = "{\"_name_or_path\": \"bert-base-uncased\", ";
        DeclaredLineage withCard = extract("a/b", "---\nlicense: mit\n---\ntext\n", brokenConfig, null);
        assertThat(withCard.metadataMalformed()).isFalse();
        assertThat(withCard.relationships()).isEmpty();

        DeclaredLineage alone = extract("a/b", null, brokenConfig, null);
        assertThat(alone.metadataMalformed()).isTrue();
        assertThat(extract("a/b", null, "[1, 2]", null).metadataMalformed()).isTrue();
    }

    @Test
    void malformedOrUnterminatedFrontMatterIsRecordedNotThrown() {
        assertThat(extract("a/b", "---\nbase_model: [unclosed\n---\n", null, null).metadataMalformed()).isTrue();
        assertThat(extract("a/b", "---\nbase_model: x/y\nno end marker\n", null, null).metadataMalformed()).isTrue();
        assertThat(extract("a/b", "---\n- just\n- a list\n---\n", null, null).metadataMalformed()).isTrue();
        String aliasBomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n";
        // Jackson does not expand aliases, so anchors cannot blow up; it must simply finish quickly
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> extract("a/b", aliasBomb, null, null));
    }

    @Test
    void missingCardFallsBackToConfigOrHubCardData() {
        DeclaredLineage configOnly = extract("crangana/trained-gender", null,
                text("huggingface/crangana/trained-gender/resolve/main/config.json"), null);
        assertThat(configOnly.metadataMalformed()).isFalse();
        assertThat(configOnly.relationships()).extracting(DeclaredRelationship::target, DeclaredRelationship::source)
                .containsExactly(tuple("microsoft/resnet-50", "config_json"));

        DeclaredLineage hubOnly = extract("crangana/trained-gender", null, null,
                text("huggingface/api/models/crangana/trained-gender.json"));
        assertThat(hubOnly.metadataMalformed()).isFalse();
        assertThat(hubOnly.relationships()).extracting(DeclaredRelationship::target, DeclaredRelationship::source,
                DeclaredRelationship::evidence).containsExactly(
                tuple("microsoft/resnet-50", "model_card", "hub cardData base_model: microsoft/resnet-50"));

        assertThat(extract("a/b", null, null, null).metadataMalformed()).isTrue();
        assertThat(extract("a/b", "# A card without metadata\n", null, null).metadataMalformed()).isTrue();
    }

    @Test
    void selfReferencesAndLocalPathsAreIgnored() {
        for (String path : List.of("./checkpoint", "/tmp/run-3/model", "C:\\\\models\\\\bert", "checkpoint-500",
                "output", "~/models/x", "a/b/c", "acme/self-model", "ACME/Self-Model")) {
            String config = "{\"_name_or_path\": \"" + path + "\"}";
            assertThat(extract("acme/self-model", null, config, null).relationships()).as(path).isEmpty();
        }
    }

    @Test
    void relationshipCountIsBounded() {
        StringBuilder readme = new StringBuilder("---\nlicense: mit\n---\n");
        for (int i = 0; i < 200; i++) {
            readme.append("See https://github.com/owner").append(i).append("/repo for details.\n");
        }
        assertThat(extract("a/b", readme.toString(), null, null).relationships()).hasSize(64);
    }

    @Test
    void onlyModelsDeclareLineage() {
        ArtifactContent content = content("bookcorpus/bookcorpus", null, null, null);
        var documents = new ArtifactDocuments("---\ndatasets: [x]\n---\n", null, null);
        assertThat(extractor.extract(ArtifactType.DATASET, content, documents)).isEmpty();
        assertThat(extractor.extract(ArtifactType.CODE, content, documents)).isEmpty();
    }

    private DeclaredLineage fixture(String repoId) {
        String base = "huggingface/" + repoId + "/resolve/main/";
        return extract(repoId, text(base + "README.md"), text(base + "config.json"), null);
    }

    private DeclaredLineage extract(String repoId, String readme, String config, String hubInfo) {
        return extractor.extract(ArtifactType.MODEL, content(repoId, readme, config, hubInfo),
                new ArtifactDocuments(readme, config, hubInfo)).orElseThrow();
    }

    /** The content an event would carry; its documents are passed to the extractor as text. */
    static ArtifactContent content(String repoId, String readme, String config, String hubInfo) {
        SourceRef source = new SourceRef(SourceKind.HUGGINGFACE_MODEL, repoId, "main", null,
                "https://huggingface.co/" + repoId);
        return new ArtifactContent("https://huggingface.co/" + repoId, source,
                new StoredPackage("0".repeat(64), 10, 10, List.of()), ArtifactDocumentRefs.none(),
                "apache-2.0", null);
    }

    static String text(String fixturePath) {
        try (InputStream in = RelationshipExtractorTest.class.getResourceAsStream("/hub-fixtures/" + fixturePath)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + fixturePath);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
