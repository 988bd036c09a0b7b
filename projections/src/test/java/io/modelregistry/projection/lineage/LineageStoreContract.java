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
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageStore.ArtifactKeys;
import io.modelregistry.api.lineage.LineageStore.OwnedRelationship;
import io.modelregistry.api.lineage.LineageStore.RelationshipKeys;
import io.modelregistry.api.lineage.LineageWriter;
import io.modelregistry.api.lineage.RegisteredLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every lineage read model adapter must do, embedded or OpenSearch: the port's look-ups (by id, by the keys a
 * declared target is matched by, ordered and bounded), writes that a replay repeats harmlessly, and the graphs the
 * query side resolves through it. Each adapter's test extends this with a fresh, empty store.
 */
abstract class LineageStoreContract<S extends LineageStore & LineageWriter> {

    private static final String RESNET = "100000000000000001";
    private static final String GENDER = "100000000000000002";
    private static final String ONNX = "100000000000000003";

    /** An empty store; each test gets its own (or the same one emptied). */
    protected abstract S newStore();

    protected S store;
    private LineageFixture f;

    @BeforeEach
    void openStore() {
        store = newStore();
        f = new LineageFixture(store, store);
    }

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
        for (String id : List.of(RESNET, GENDER, ONNX)) {
            assertThat(store.artifact(id)).isEmpty();
            assertThat(store.declaredBy(id)).isEmpty();
        }
        assertThat(store.relationshipsMatching("none", new RelationshipKeys(Set.of("microsoft/resnet-50",
                "crangana/trained-gender"), Set.of(), Set.of("resnet-50", "trained-gender")), 100)).isEmpty();
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

    // ---- the port itself, below the projection

    private static LineageArtifact artifact(String id, String name, String repoId) {
        return new LineageArtifact(id, ArtifactType.MODEL, name, repoId, "HUGGINGFACE_MODEL",
                "https://huggingface.co/" + repoId, "https://huggingface.co/" + repoId, "main", true, false);
    }

    private static DeclaredRelationship base(String target, int n) {
        return new DeclaredRelationship(target, "model", "base_model", "model_card", "line " + n);
    }

    @Test
    void anArtifactIsReadBackByIdWithEveryFieldAndAPutReplacesIt() {
        LineageArtifact first = new LineageArtifact("a1", ArtifactType.CODE, "Bert Code", "Google/BERT",
                "GITHUB_REPOSITORY", "https://github.com/Google/BERT", "https://github.com/google/bert", "v1", false,
                true);
        store.putArtifact(first);
        assertThat(store.artifact("a1")).contains(first);

        LineageArtifact second = artifact("a1", "renamed", "acme/renamed");
        store.putArtifact(second);
        assertThat(store.artifact("a1")).contains(second);
        assertThat(store.artifact("a2")).isEmpty();

        LineageArtifact sparse = new LineageArtifact("a3", ArtifactType.DATASET, "upload", null, null, null, null,
                null, false, false);
        store.putArtifact(sparse);
        assertThat(store.artifact("a3")).contains(sparse);
    }

    @Test
    void declarationsKeepTheirOrderAreCappedAndAreReplacedAsAWhole() {
        List<DeclaredRelationship> many = new ArrayList<>();
        for (int i = 0; i < ArtifactRelationshipsDeclared.MAX_RELATIONSHIPS + 6; i++) {
            many.add(base("org/parent-" + (ArtifactRelationshipsDeclared.MAX_RELATIONSHIPS + 6 - i), i));
        }
        store.replaceDeclarations("m", many);
        assertThat(store.declaredBy("m")).as("at most the bound, in the order declared")
                .containsExactlyElementsOf(many.subList(0, ArtifactRelationshipsDeclared.MAX_RELATIONSHIPS));

        store.replaceDeclarations("m", List.of(base("org/only", 1), base("org/second", 2)));
        assertThat(store.declaredBy("m")).containsExactly(base("org/only", 1), base("org/second", 2));
        assertThat(store.relationshipsMatching("x", new RelationshipKeys(Set.of("org/parent-3"), Set.of(), Set.of()),
                10)).as("what the replaced declarations named is gone").isEmpty();

        store.replaceDeclarations("m", List.of());
        assertThat(store.declaredBy("m")).isEmpty();
        assertThat(store.declaredBy("never-declared")).isEmpty();
    }

    @Test
    void artifactsMatchByRepoKeyNameKeyOrRepoLastSegmentOrderedByIdBoundedAndNeverTheExcludedOne() {
        store.putArtifact(artifact("a3", "BERT-Base-Uncased", "google-bert/BERT-base-uncased"));
        store.putArtifact(artifact("a1", "my-bert", "acme/bert-base-uncased"));
        store.putArtifact(artifact("a2", "bert-base-uncased", "someone/other"));
        store.putArtifact(artifact("a4", "unrelated", "acme/unrelated"));
        store.putArtifact(artifact("a0", "self", "google-bert/bert-base-uncased"));

        ArtifactKeys byRepo = new ArtifactKeys(Set.of("google-bert/bert-base-uncased"), Set.of(), Set.of());
        assertThat(store.artifactsMatching("a0", byRepo, 10)).extracting(LineageArtifact::id).containsExactly("a3");
        ArtifactKeys byName = new ArtifactKeys(Set.of(), Set.of("bert-base-uncased"), Set.of());
        assertThat(store.artifactsMatching("a0", byName, 10)).extracting(LineageArtifact::id)
                .containsExactly("a2", "a3");
        ArtifactKeys byLast = new ArtifactKeys(Set.of(), Set.of(), Set.of("bert-base-uncased"));
        assertThat(store.artifactsMatching("none", byLast, 10)).extracting(LineageArtifact::id)
                .containsExactly("a0", "a1", "a3");
        ArtifactKeys any = new ArtifactKeys(Set.of("acme/unrelated"), Set.of("bert-base-uncased"),
                Set.of("bert-base-uncased"));
        assertThat(store.artifactsMatching("a0", any, 10)).extracting(LineageArtifact::id)
                .containsExactly("a1", "a2", "a3", "a4");
        assertThat(store.artifactsMatching("a0", any, 2)).extracting(LineageArtifact::id).containsExactly("a1", "a2");
        assertThat(store.artifactsMatching("a0", new ArtifactKeys(Set.of(), Set.of(), Set.of()), 10)).isEmpty();
        assertThat(store.artifactsMatching("a0", new ArtifactKeys(Set.of("Google-BERT/BERT-base-uncased"), Set.of(),
                Set.of()), 10)).as("keys are lower case: the caller passes TargetKeys").isEmpty();
    }

    @Test
    void relationshipsMatchByTargetKeyFlatKeyOrLastSegmentOrderedByOwnerThenDeclarationBounded() {
        store.replaceDeclarations("o2", List.of(base("unrelated/x", 0), base("Google-Research/BERT", 1)));
        store.replaceDeclarations("o1", List.of(base("google-research-bert", 0), base("bert", 1),
                base("google-research/bert", 2)));
        store.replaceDeclarations("o0", List.of(base("google-research/bert", 0)));

        RelationshipKeys keys = new RelationshipKeys(Set.of("google-research/bert"), Set.of("google-research-bert"),
                Set.of("bert"));
        assertThat(store.relationshipsMatching("o0", keys, 10)).containsExactly(
                new OwnedRelationship("o1", base("google-research-bert", 0)),
                new OwnedRelationship("o1", base("bert", 1)),
                new OwnedRelationship("o1", base("google-research/bert", 2)),
                new OwnedRelationship("o2", base("Google-Research/BERT", 1)));
        assertThat(store.relationshipsMatching("o0", keys, 2)).extracting(OwnedRelationship::ownerId)
                .containsExactly("o1", "o1");
        assertThat(store.relationshipsMatching("o9", new RelationshipKeys(Set.of(), Set.of("google-research-bert"),
                Set.of()), 10)).extracting(OwnedRelationship::ownerId).containsExactly("o0", "o1", "o1", "o2");
        assertThat(store.relationshipsMatching("o9", new RelationshipKeys(Set.of(), Set.of(), Set.of()), 10)).isEmpty();
    }

    @Test
    void deletingAnArtifactTakesItsDeclarationsAndLeavesTheOthers() {
        store.putArtifact(artifact("a1", "one", "acme/one"));
        store.putArtifact(artifact("a2", "two", "acme/two"));
        store.replaceDeclarations("a1", List.of(base("acme/two", 0)));
        store.replaceDeclarations("a2", List.of(base("acme/one", 0)));

        store.delete("a1");
        assertThat(store.artifact("a1")).isEmpty();
        assertThat(store.declaredBy("a1")).isEmpty();
        assertThat(store.relationshipsMatching("x", new RelationshipKeys(Set.of("acme/two"), Set.of(), Set.of()), 10))
                .isEmpty();
        assertThat(store.artifact("a2")).isPresent();
        assertThat(store.declaredBy("a2")).containsExactly(base("acme/one", 0));
        store.delete("never-there");

        store.deleteAll();
        assertThat(store.artifact("a2")).isEmpty();
        assertThat(store.declaredBy("a2")).isEmpty();
        assertThat(store.artifactsMatching("x", new ArtifactKeys(Set.of("acme/two"), Set.of("two"), Set.of("two")), 10))
                .isEmpty();
    }

    @Test
    void replayingTheSameWritesGivesTheSameState() {
        for (int round = 0; round < 2; round++) {
            store.putArtifact(artifact("a1", "one", "acme/one"));
            store.replaceDeclarations("a1", List.of(base("acme/zero", 0), base("acme/minus", 1)));
            store.putArtifact(artifact("a2", "two", "acme/two"));
            store.replaceDeclarations("a2", List.of(base("acme/zero", 0)));
        }
        assertThat(store.declaredBy("a1")).containsExactly(base("acme/zero", 0), base("acme/minus", 1));
        assertThat(store.relationshipsMatching("x", new RelationshipKeys(Set.of("acme/zero"), Set.of(), Set.of()), 10))
                .extracting(OwnedRelationship::ownerId).containsExactly("a1", "a2");
        assertThat(store.artifactsMatching("x", new ArtifactKeys(Set.of("acme/one", "acme/two"), Set.of(), Set.of()),
                10)).extracting(LineageArtifact::id).containsExactly("a1", "a2");
    }

    @Test
    void namesWrittenWithDifferentSeparatorsFindEachOtherInBothDirections() {
        f.register("d1", ArtifactType.DATASET, "Fair-Face", "Fair-Face", SourceKind.UPLOAD);
        f.register("d2", ArtifactType.DATASET, "coco_captions", "coco_captions", SourceKind.UPLOAD);
        LineageRegisteredLinks links = new LineageRegisteredLinks(store, f.readModel);

        assertThat(links.find("dataset", "FairFace", 4)).extracting(RegisteredLinks.Match::artifactId).containsExactly("d1");
        assertThat(links.find("dataset", "fair_face", 4)).extracting(RegisteredLinks.Match::artifactId).containsExactly("d1");
        assertThat(links.find("dataset", "CocoCaptions", 4)).extracting(RegisteredLinks.Match::artifactId)
                .containsExactly("d2");
        assertThat(links.find("dataset", "FairFaces", 4)).as("compact forms are equal, not similar").isEmpty();

        // the other way: a model whose front matter writes "fair_face" is found from a later "FairFace"
        f.model("m1", "trained-gender", "crangana/trained-gender", dataset("fair_face"));
        f.register("d3", ArtifactType.DATASET, "FairFace", "FairFace", SourceKind.UPLOAD);
        assertThat(links.modelsLinkingTo("d3", 16)).containsExactly("m1");
        assertThat(f.readModel.declaredBy("m1")).singleElement()
                .satisfies(link -> assertThat(link.targetIds()).containsExactlyInAnyOrder("d1", "d3"));
    }

    @Test
    void aFamilyNameFindsTheOneRegisteredVariantOfItAndNoUnrelatedName() {
        f.register("d1", ArtifactType.DATASET, "imagenet-1k", "imagenet-1k", SourceKind.UPLOAD);
        f.register("d2", ArtifactType.DATASET, "imagenet-sketch", "imagenet-sketch", SourceKind.UPLOAD);
        f.register("d3", ArtifactType.DATASET, "imagenette", "imagenette", SourceKind.UPLOAD);
        f.register("m0", ArtifactType.MODEL, "resnet-50", "microsoft/resnet-50", SourceKind.HUGGINGFACE_MODEL);
        LineageRegisteredLinks links = new LineageRegisteredLinks(store, f.readModel);

        assertThat(links.find("dataset", "ImageNet", 4)).extracting(RegisteredLinks.Match::artifactId,
                RegisteredLinks.Match::matchedBy).containsExactly(tuple("d1", "registry_name_variant"));
        assertThat(links.find("dataset", "Image", 4)).as("a prefix is no family name").isEmpty();
        assertThat(links.find("dataset", "sketch", 4)).as("only a size or variant suffix is dropped").isEmpty();
        assertThat(links.find("model", "resnet", 4)).as("a bare number is no variant suffix").isEmpty();
        assertThat(links.find("code", "ImageNet", 4)).as("only artifacts of the link's kind").isEmpty();
        f.register("m2", ArtifactType.MODEL, "gemma-3-270m", "google/gemma-3-270m", SourceKind.HUGGINGFACE_MODEL);
        assertThat(links.find("model", "gemma-3", 4)).as("a model of one size is not the family's model").isEmpty();

        // a card that mentions "ImageNet" links to it, and registering it later finds the model
        f.model("m1", "vit-tiny", "acme/vit-tiny", new DeclaredRelationship("imagenet", "dataset", "trained_on",
                "readme_mention", "README.md line 9: trained on ImageNet"));
        assertThat(f.readModel.declaredBy("m1")).singleElement()
                .satisfies(link -> assertThat(link.targetIds()).containsExactly("d1"));
        assertThat(links.modelsLinkingTo("d1", 16)).containsExactly("m1");
    }

    @Test
    void aFamilyNameWithTwoRegisteredVariantsLinksToNeither() {
        f.register("d1", ArtifactType.DATASET, "imagenet-1k", "imagenet-1k", SourceKind.UPLOAD);
        f.register("d2", ArtifactType.DATASET, "ImageNet_21k", "ImageNet_21k", SourceKind.UPLOAD);
        f.model("m1", "vit-tiny", "acme/vit-tiny", new DeclaredRelationship("imagenet", "dataset", "trained_on",
                "readme_mention", "README.md line 9: trained on ImageNet"));
        LineageRegisteredLinks links = new LineageRegisteredLinks(store, f.readModel);

        assertThat(links.find("dataset", "ImageNet", 4)).isEmpty();
        assertThat(f.readModel.declaredBy("m1")).as("an unresolved mention is left out").isEmpty();
        assertThat(links.modelsLinkingTo("d2", 16)).isEmpty();
        // the exact name still wins over the family
        assertThat(links.find("dataset", "imagenet_1k", 4)).extracting(RegisteredLinks.Match::artifactId)
                .containsExactly("d1");
    }
}
