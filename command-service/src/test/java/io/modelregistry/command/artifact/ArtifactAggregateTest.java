package io.modelregistry.command.artifact;

import static org.mockito.Mockito.mock;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.command.lineage.RelationshipExtractor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The artifact aggregate's events, including the lineage event that follows each new content. */
class ArtifactAggregateTest {

    private static final Instant NOW = Instant.parse("2025-11-01T10:00:00Z");
    private static final Actor ADMIN = new Actor("admin", true);
    private static final String ID = "123456789012345678";

    private AggregateTestFixture<ArtifactAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ArtifactAggregate.class);
        fixture.registerAnnotatedCommandHandler(new ArtifactCommandHandler(fixture.getRepository(),
                mock(ArtifactClaims.class), Clock.fixed(NOW, ZoneOffset.UTC), new RelationshipExtractor()));
    }

    @Test
    void registeringAModelDeclaresItsRelationshipsRightAfter() {
        ArtifactContent content = content("onnx-community/trained-gender-ONNX-2",
                "---\nbase_model: crangana/trained-gender\n---\n# ONNX\n");
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifact(ID, ArtifactType.MODEL, "trained-gender-ONNX-2", content, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new ArtifactRegistered(ID, ArtifactType.MODEL, "trained-gender-ONNX-2", content, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared(ID, ArtifactType.MODEL, "trained-gender-ONNX-2",
                                List.of(new DeclaredRelationship("crangana/trained-gender", "model", "base_model",
                                        "model_card", "README.md front matter base_model: crangana/trained-gender")),
                                false, NOW));
    }

    @Test
    void registeringAModelWithoutMetadataDeclaresItMalformed() {
        ArtifactContent content = content("acme/bare", null);
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifact(ID, ArtifactType.MODEL, "bare", content, ADMIN))
                .expectEvents(new ArtifactRegistered(ID, ArtifactType.MODEL, "bare", content, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared(ID, ArtifactType.MODEL, "bare", List.of(), true, NOW));
    }

    @Test
    void datasetsAndCodeDeclareNoLineage() {
        ArtifactContent content = content("bookcorpus/bookcorpus", "---\nlicense: mit\n---\n");
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifact(ID, ArtifactType.DATASET, "bookcorpus", content, ADMIN))
                .expectEvents(new ArtifactRegistered(ID, ArtifactType.DATASET, "bookcorpus", content, ADMIN, NOW));
    }

    @Test
    void updatingAModelReplacesItsDeclaredRelationships() {
        ArtifactContent before = content("acme/child", "---\nbase_model: acme/old-parent\n---\n");
        ArtifactContent after = content("acme/child", "---\nbase_model: acme/new-parent\n---\n");
        fixture.given(new ArtifactRegistered(ID, ArtifactType.MODEL, "child", before, ADMIN, NOW))
                .when(new UpdateArtifact(ID, ArtifactType.MODEL, "child", after, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ArtifactUpdated(ID, ArtifactType.MODEL, "child", after, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared(ID, ArtifactType.MODEL, "child",
                                List.of(new DeclaredRelationship("acme/new-parent", "model", "base_model", "model_card",
                                        "README.md front matter base_model: acme/new-parent")),
                                false, NOW));
    }

    @Test
    void updateUnderAnotherNameIsRefusedWithoutEvents() {
        ArtifactContent content = content("acme/child", "---\nbase_model: acme/p\n---\n");
        fixture.given(new ArtifactRegistered(ID, ArtifactType.MODEL, "child", content, ADMIN, NOW))
                .when(new UpdateArtifact(ID, ArtifactType.MODEL, "other-name", content, ADMIN))
                .expectNoEvents()
                .expectException(RegistryException.class);
    }

    @Test
    void deleteEmitsOnlyTheDeletion() {
        ArtifactContent content = content("acme/child", null);
        fixture.given(new ArtifactRegistered(ID, ArtifactType.MODEL, "child", content, ADMIN, NOW))
                .when(new DeleteArtifact(ID, ArtifactType.MODEL, ADMIN))
                .expectEvents(new ArtifactDeleted(ID, ArtifactType.MODEL, "child", ADMIN, NOW));
    }

    private static ArtifactContent content(String repoId, String readme) {
        return new ArtifactContent("https://huggingface.co/" + repoId,
                new SourceRef(SourceKind.HUGGINGFACE_MODEL, repoId, "main", null, "https://huggingface.co/" + repoId),
                new StoredPackage("a".repeat(64), 100, 1000, List.of()), new ArtifactDocuments(readme, null, null),
                "apache-2.0", null);
    }
}
