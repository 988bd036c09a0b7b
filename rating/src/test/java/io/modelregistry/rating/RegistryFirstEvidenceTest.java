package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.rating.RatingLink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryFirstEvidenceTest {

    private static final String CARD = "---\nlicense: apache-2.0\ndatasets:\n- imagenet-1k\n- squad\n---\n# m\n\n"
            + "Pre-trained on English text, then fine-tuned on the `fair_face` dataset.\n";

    /** Registered here: imagenet-1k (by name) and FairFace; not squad. */
    private static final RegistryLinks REGISTRY = (kind, target) -> {
        Map<String, String> registered = Map.of("imagenet-1k", "11", "fair_face", "12");
        String id = registered.get(target);
        if (id == null || !kind.equals("dataset")) {
            return Optional.empty();
        }
        String name = id.equals("11") ? "imagenet-1k" : "FairFace";
        ArtifactContent content = new ArtifactContent(null, new SourceRef(SourceKind.UPLOAD, name, "1.0.0", null, null),
                new StoredPackage("0".repeat(64), 10, 10, List.of(new PackageFile("data/train.csv", 10, null, true))),
                ArtifactDocumentRefs.none(), null, null);
        return Optional.of(new RegistryLinks.Registered(id, name, null, RatingLink.REGISTRY_NAME, content,
                new ArtifactDocuments("---\nsize_categories:\n- 1M<n<10M\n---\n# " + name + "\n", null, null)));
    };

    @Test
    void registeredDatasetsAreRatedFromTheRegistryAndTheRestFromTheHubEachLinkSayingWhere() {
        Subjects model = Subjects.model("org/m").readme(CARD).licence("apache-2.0");
        RegistryFirstEvidence evidence = new RegistryFirstEvidence(model.evidence(), REGISTRY);
        try (RatingSubject subject = model.build(evidence)) {
            assertThat(subject.datasets()).extracting(DatasetEvidence::requestedId)
                    .containsExactly("imagenet-1k", "squad", "fair_face");
            assertThat(subject.datasets()).extracting(DatasetEvidence::reachable).containsExactly(true, false, true);
            assertThat(new DatasetAndCodeScore().compute(subject).value()).isGreaterThanOrEqualTo(0.5);
            assertThat(subject.links()).containsExactly(
                    new RatingLink("dataset", "imagenet-1k", "11", RatingLink.REGISTRY_NAME, true),
                    new RatingLink("dataset", "squad", null, RatingLink.HUB, false),
                    new RatingLink("dataset", "fair_face", "12", RatingLink.CARD_MENTION, true));
        }
    }

    @Test
    void withNothingRegisteredAMentionIsNeverAskedOfTheHub() {
        Subjects model = Subjects.model("org/m").readme(CARD);
        try (RatingSubject subject = model.build(new RegistryFirstEvidence(model.evidence(), RegistryLinks.none()))) {
            assertThat(subject.datasets()).extracting(DatasetEvidence::requestedId).containsExactly("imagenet-1k", "squad");
            assertThat(subject.links()).extracting(RatingLink::via).containsOnly(RatingLink.HUB);
        }
    }
}
