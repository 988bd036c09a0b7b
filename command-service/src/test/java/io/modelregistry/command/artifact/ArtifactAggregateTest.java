package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.AddArtifactVersion;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.hub.lineage.RelationshipExtractor;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.ModelRating;
import io.modelregistry.api.rating.AddRatedModelVersion;
import io.modelregistry.api.rating.RatedContent;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RegisterArtifactVersions;
import io.modelregistry.api.rating.RatingScores;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.api.rating.RegisterRatedModel;
import io.modelregistry.api.rating.UpdateRatedModel;
import io.modelregistry.command.document.BlobArtifactDocuments;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.api.rating.SizeScores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command → event path of the artifact aggregate, through the real command handler, including the
 * lineage event that follows a model's registration and each update of it, and the rating that travels with them.
 */
class ArtifactAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Actor ADMIN = new Actor("ece30861defaultadminuser", true);

    @TempDir
    static Path blobRoot;
    // The real document store over the real blob store: a README reaches the lineage extractor by its digest.
    private static ArtifactDocumentStore documents;

    private AggregateTestFixture<ArtifactAggregate> fixture;
    private ArtifactClaims claims;

    @BeforeAll
    static void documentStore() {
        documents = new BlobArtifactDocuments(new FilesystemBlobStore(blobRoot));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ArtifactAggregate.class);
        claims = mock(ArtifactClaims.class);
        fixture.registerAnnotatedCommandHandler(new ArtifactCommandHandler(fixture.getRepository(), claims,
                Clock.fixed(NOW, ZoneOffset.UTC), new RelationshipExtractor(), documents));
    }

    @Test
    void registeringAppendsArtifactRegisteredAndClaimsTheSource() {
        var content = content("google-bert/bert-base-uncased");
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifact("1", ArtifactType.MODEL, "bert-base-uncased", content, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ArtifactRegistered("1", ArtifactType.MODEL, "bert-base-uncased", content, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "bert-base-uncased", List.of(), true, NOW));
        verify(claims).claim("1", ArtifactType.MODEL, "bert-base-uncased", "model|HUGGINGFACE_MODEL|google-bert/bert-base-uncased");
    }

    @Test
    void aDuplicateSourceIsRefusedAndNothingIsAppended() {
        doThrow(ErrorMessage.ARTIFACT_SOURCE_ALREADY_REGISTERED.exception("model")).when(claims).claim(anyString(), any(), anyString(), anyString());
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifact("1", ArtifactType.MODEL, "bert", content("google-bert/bert-base-uncased"), ADMIN))
                .expectException(RegistryException.class)
                .expectNoEvents();
    }

    @Test
    void updatingReplacesTheContentAndKeepsNameAndType() {
        var updated = content("google-bert/bert-base-cased");
        fixture.given(registered("1", "bert"))
                .when(new UpdateArtifact("1", ArtifactType.MODEL, "bert", updated, ADMIN))
                .expectEvents(new ArtifactUpdated("1", ArtifactType.MODEL, "bert", updated, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "bert", List.of(), true, NOW));
        verify(claims).reclaim(eq("1"), eq("model|HUGGINGFACE_MODEL|google-bert/bert-base-cased"));
    }

    @Test
    void anUpdateWithAnotherNameIsRefused() {
        fixture.given(registered("1", "bert"))
                .when(new UpdateArtifact("1", ArtifactType.MODEL, "not-bert", content("x/y"), ADMIN))
                .expectException(RegistryException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateUnderAnotherTypeIsNotFound() {
        fixture.given(registered("1", "bert"))
                .when(new UpdateArtifact("1", ArtifactType.DATASET, "bert", content("x/y"), ADMIN))
                .expectExceptionMessage("No dataset artifact with id 1.")
                .expectNoEvents();
    }

    @Test
    void deletingAppendsArtifactDeletedAndReleasesTheClaim() {
        fixture.given(registered("1", "bert"))
                .when(new DeleteArtifact("1", ArtifactType.MODEL, ADMIN))
                .expectEvents(new ArtifactDeleted("1", ArtifactType.MODEL, "bert", ADMIN, NOW));
        verify(claims).release("1");
    }

    @Test
    void aDeletedArtifactTakesNoFurtherCommands() {
        fixture.given(registered("1", "bert"), new ArtifactDeleted("1", ArtifactType.MODEL, "bert", ADMIN, NOW))
                .when(new UpdateArtifact("1", ArtifactType.MODEL, "bert", content("x/y"), ADMIN))
                .expectException(AggregateDeletedException.class);
    }

    // --- lineage -------------------------------------------------------------------------------------

    @Test
    void registeringAModelDeclaresItsRelationshipsRightAfter() {
        var content = content("onnx-community/trained-gender-ONNX-2", "---\nbase_model: crangana/trained-gender\n---\n# ONNX\n");
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifact("1", ArtifactType.MODEL, "trained-gender-ONNX-2", content, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new ArtifactRegistered("1", ArtifactType.MODEL, "trained-gender-ONNX-2", content, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "trained-gender-ONNX-2",
                                List.of(new DeclaredRelationship("crangana/trained-gender", "model", "base_model",
                                        "model_card", "README.md front matter base_model: crangana/trained-gender")),
                                false, NOW));
    }

    @Test
    void datasetsAndCodeDeclareNoLineage() {
        var content = content("bookcorpus/bookcorpus", "---\nlicense: mit\n---\n");
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifact("1", ArtifactType.DATASET, "bookcorpus", content, ADMIN))
                .expectEvents(new ArtifactRegistered("1", ArtifactType.DATASET, "bookcorpus", content, ADMIN, NOW));
    }

    @Test
    void updatingAModelReplacesItsDeclaredRelationships() {
        var after = content("acme/child", "---\nbase_model: acme/new-parent\n---\n");
        fixture.given(new ArtifactRegistered("1", ArtifactType.MODEL, "child",
                        content("acme/child", "---\nbase_model: acme/old-parent\n---\n"), ADMIN, NOW))
                .when(new UpdateArtifact("1", ArtifactType.MODEL, "child", after, ADMIN))
                .expectEvents(new ArtifactUpdated("1", ArtifactType.MODEL, "child", after, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "child",
                                List.of(new DeclaredRelationship("acme/new-parent", "model", "base_model", "model_card",
                                        "README.md front matter base_model: acme/new-parent")),
                                false, NOW));
    }

    // --- atomic registration: the rating travels in the register/update command ----------------------

    @Test
    void registeringARatedModelAppendsItsRegistrationAndItsRatingFromOneCommand() {
        var content = content("google-bert/bert-base-uncased");
        var outcome = rating(RatingTrigger.INGEST);
        fixture.givenNoPriorActivity()
                .when(new RegisterRatedModel(new RegisterArtifact("1", ArtifactType.MODEL, "bert-base-uncased", content,
                        ADMIN), outcome))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ArtifactRegistered("1", ArtifactType.MODEL, "bert-base-uncased", content, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "bert-base-uncased", List.of(), true, NOW),
                        new ModelRated("1", outcome, ADMIN, NOW, "1.0.0"));
        verify(claims).claim("1", ArtifactType.MODEL, "bert-base-uncased", "model|HUGGINGFACE_MODEL|google-bert/bert-base-uncased");
    }

    @Test
    void updatingARatedModelAppendsTheNewContentAndItsRatingFromOneCommand() {
        var updated = content("google-bert/bert-base-cased");
        var outcome = rating(RatingTrigger.UPDATE);
        fixture.given(registered("1", "bert"), new ModelRated("1", rating(RatingTrigger.INGEST), ADMIN, NOW))
                .when(new UpdateRatedModel(new UpdateArtifact("1", ArtifactType.MODEL, "bert", updated, ADMIN), outcome))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ArtifactUpdated("1", ArtifactType.MODEL, "bert", updated, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "bert", List.of(), true, NOW),
                        new ModelRated("1", outcome, ADMIN, NOW, "1.0.0"));
    }

    @Test
    void aRatingThatCannotBeRecordedLeavesNoRegistrationBehind() {
        // The registration is applied first and the rating refused after it: the unit of work rolls both back.
        fixture.givenNoPriorActivity()
                .when(new RegisterRatedModel(new RegisterArtifact("1", ArtifactType.DATASET, "books",
                        content("bookcorpus/bookcorpus"), ADMIN), rating(RatingTrigger.INGEST)))
                .expectExceptionMessage("Only models are rated: artifact 1 is a dataset.")
                .expectNoEvents();
    }

    @Test
    void aRatingThatCannotBeRecordedLeavesTheUpdateUnapplied() {
        fixture.given(new ArtifactRegistered("1", ArtifactType.DATASET, "books", content("bookcorpus/bookcorpus"), ADMIN, NOW))
                .when(new UpdateRatedModel(new UpdateArtifact("1", ArtifactType.DATASET, "books",
                        content("bookcorpus/bookcorpus-v2"), ADMIN), rating(RatingTrigger.UPDATE)))
                .expectException(RegistryException.class)
                .expectNoEvents();
    }

    @Test
    void aRefusedRegistrationAppendsNeitherTheArtifactNorItsRating() {
        doThrow(ErrorMessage.ARTIFACT_SOURCE_ALREADY_REGISTERED.exception("model")).when(claims).claim(anyString(), any(), anyString(), anyString());
        fixture.givenNoPriorActivity()
                .when(new RegisterRatedModel(new RegisterArtifact("1", ArtifactType.MODEL, "bert",
                        content("google-bert/bert-base-uncased"), ADMIN), rating(RatingTrigger.INGEST)))
                .expectException(RegistryException.class)
                .expectNoEvents();
    }

    // RecordRating → ModelRated (a rating on request), for live models only.

    @Test
    void recordingARatingAppendsModelRated() {
        var outcome = rating(RatingTrigger.INGEST);
        fixture.given(registered("1", "bert"))
                .when(new RecordRating("1", outcome, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ModelRated("1", outcome, ADMIN, NOW, "1.0.0"));
    }

    @Test
    void aModelIsRatedAgainAfterAnUpdate() {
        var outcome = rating(RatingTrigger.UPDATE);
        fixture.given(registered("1", "bert"), new ModelRated("1", rating(RatingTrigger.INGEST), ADMIN, NOW),
                        new ArtifactUpdated("1", ArtifactType.MODEL, "bert", content("google-bert/bert-base-cased"), ADMIN, NOW))
                .when(new RecordRating("1", outcome, ADMIN))
                .expectEvents(new ModelRated("1", outcome, ADMIN, NOW, "1.0.0"));
    }

    @Test
    void onlyModelsAreRated() {
        fixture.given(new ArtifactRegistered("1", ArtifactType.DATASET, "books", content("bookcorpus/bookcorpus"), ADMIN, NOW))
                .when(new RecordRating("1", rating(RatingTrigger.REQUEST), ADMIN))
                .expectExceptionMessage("No model artifact with id 1.")
                .expectNoEvents();
    }

    @Test
    void aDeletedModelIsNotRated() {
        fixture.given(registered("1", "bert"), new ArtifactDeleted("1", ArtifactType.MODEL, "bert", ADMIN, NOW))
                .when(new RecordRating("1", rating(RatingTrigger.REQUEST), ADMIN))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    // --- versions ------------------------------------------------------------------------------------

    @Test
    void addingAVersionAppendsArtifactVersionAddedWithTheNormalisedVersion() {
        var v2 = content("google-bert/bert-base-uncased").withVersion("v2.0.0");
        fixture.given(registered("1", "bert"))
                .when(new AddArtifactVersion("1", ArtifactType.MODEL, "bert", v2, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ArtifactVersionAdded("1", ArtifactType.MODEL, "bert", v2.withVersion("2.0.0"), ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "bert", List.of(), true, NOW));
    }

    @Test
    void addingAVersionTheArtifactAlreadyHasIsAConflictAndAppendsNothing() {
        fixture.given(registered("1", "bert"),
                        new ArtifactVersionAdded("1", ArtifactType.MODEL, "bert",
                                content("google-bert/bert-base-uncased").withVersion("1.1.0"), ADMIN, NOW))
                .when(new AddArtifactVersion("1", ArtifactType.MODEL, "bert",
                        content("google-bert/bert-base-uncased").withVersion("v1.1.0+rebuilt"), ADMIN))
                .expectException(RegistryException.class)
                .expectExceptionMessage("The model 1 already has version 1.1.0.")
                .expectNoEvents();
    }

    @Test
    void theDefaultVersionOfAnArtifactRegisteredBeforeVersionsCannotBeAddedAgain() {
        // registered(...) carries no version: it is 1.0.0
        fixture.given(registered("1", "bert"))
                .when(new AddArtifactVersion("1", ArtifactType.MODEL, "bert",
                        content("google-bert/bert-base-uncased").withVersion("1.0.0"), ADMIN))
                .expectExceptionMessage("The model 1 already has version 1.0.0.")
                .expectNoEvents();
    }

    @Test
    void aNonSemanticVersionIsABadRequest() {
        fixture.given(registered("1", "bert"))
                .when(new AddArtifactVersion("1", ArtifactType.MODEL, "bert",
                        content("google-bert/bert-base-uncased").withVersion("2024-03-04"), ADMIN))
                .expectExceptionMessage("'2024-03-04' is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. "
                        + "1.2.0, 2.0.0-rc.1 or v1.0.0).")
                .expectNoEvents();
    }

    @Test
    void aVersionOfADeletedArtifactIsNotAdded() {
        fixture.given(registered("1", "bert"), new ArtifactDeleted("1", ArtifactType.MODEL, "bert", ADMIN, NOW))
                .when(new AddArtifactVersion("1", ArtifactType.MODEL, "bert",
                        content("google-bert/bert-base-uncased").withVersion("2.0.0"), ADMIN))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void aVersionUnderAnotherTypeIsNotFound() {
        fixture.given(registered("1", "bert"))
                .when(new AddArtifactVersion("1", ArtifactType.DATASET, "bert",
                        content("google-bert/bert-base-uncased").withVersion("2.0.0"), ADMIN))
                .expectExceptionMessage("No dataset artifact with id 1.")
                .expectNoEvents();
    }

    @Test
    void anOlderVersionIsAddedWithoutReplacingTheDeclaredLineage() {
        var outcome = rating(RatingTrigger.INGEST);
        var older = content("google-bert/bert-base-uncased").withVersion("0.9.0");
        fixture.given(registered("1", "bert"))
                .when(new AddRatedModelVersion(new AddArtifactVersion("1", ArtifactType.MODEL, "bert", older, ADMIN),
                        outcome))
                .expectEvents(new ArtifactVersionAdded("1", ArtifactType.MODEL, "bert", older, ADMIN, NOW),
                        new ModelRated("1", outcome, ADMIN, NOW, "0.9.0"));
    }

    @Test
    void aRatedVersionOfADatasetIsRefusedWithNothingAppended() {
        fixture.given(new ArtifactRegistered("1", ArtifactType.DATASET, "books", content("bookcorpus/bookcorpus"), ADMIN, NOW))
                .when(new AddRatedModelVersion(new AddArtifactVersion("1", ArtifactType.DATASET, "books",
                        content("bookcorpus/bookcorpus").withVersion("2.0.0"), ADMIN), rating(RatingTrigger.INGEST)))
                .expectExceptionMessage("Only models are rated: artifact 1 is a dataset.")
                .expectNoEvents();
    }

    @Test
    void anUpdateReplacesTheContentOfTheLatestVersion() {
        var updated = content("google-bert/bert-base-cased");
        fixture.given(registered("1", "bert"), new ArtifactVersionAdded("1", ArtifactType.MODEL, "bert",
                        content("google-bert/bert-base-uncased").withVersion("1.1.0"), ADMIN, NOW))
                .when(new UpdateArtifact("1", ArtifactType.MODEL, "bert", updated, ADMIN))
                .expectEvents(new ArtifactUpdated("1", ArtifactType.MODEL, "bert", updated.withVersion("1.1.0"), ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "bert", List.of(), true, NOW));
    }

    @Test
    void aRatingOnRequestRatesTheLatestVersion() {
        var outcome = rating(RatingTrigger.REQUEST);
        fixture.given(registered("1", "bert"), new ArtifactVersionAdded("1", ArtifactType.MODEL, "bert",
                        content("google-bert/bert-base-uncased").withVersion("1.1.0"), ADMIN, NOW))
                .when(new RecordRating("1", outcome, ADMIN))
                .expectEvents(new ModelRated("1", outcome, ADMIN, NOW, "1.1.0"));
    }

    @Test
    void everyVersionOfOneIngestIsRegisteredInOneDecisionOldestFirstEachWithItsRating() {
        var v100 = content("arnir0/Tiny-LLM").withVersion("1.0.0");
        var v110 = content("arnir0/Tiny-LLM").withVersion("1.1.0");
        var r100 = rating(RatingTrigger.INGEST);
        var r110 = rating(RatingTrigger.INGEST);
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifactVersions("1", ArtifactType.MODEL, "Tiny-LLM",
                        List.of(new RatedContent(v110, r110), new RatedContent(v100, r100)), ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ArtifactRegistered("1", ArtifactType.MODEL, "Tiny-LLM", v100, ADMIN, NOW),
                        new ModelRated("1", r100, ADMIN, NOW, "1.0.0"),
                        new ArtifactVersionAdded("1", ArtifactType.MODEL, "Tiny-LLM", v110, ADMIN, NOW),
                        new ArtifactRelationshipsDeclared("1", ArtifactType.MODEL, "Tiny-LLM", List.of(), true, NOW),
                        new ModelRated("1", r110, ADMIN, NOW, "1.1.0"));
        verify(claims).claim("1", ArtifactType.MODEL, "Tiny-LLM", "model|HUGGINGFACE_MODEL|arnir0/tiny-llm");
    }

    @Test
    void aMultiVersionRegistrationThatCannotBeRecordedWholeAppendsNothing() {
        // the second version's rating is refused after the first version's events were applied: all roll back
        var books = content("bookcorpus/bookcorpus");
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifactVersions("1", ArtifactType.DATASET, "books",
                        List.of(new RatedContent(books, null),
                                new RatedContent(books.withVersion("2.0.0"), rating(RatingTrigger.INGEST))), ADMIN))
                .expectExceptionMessage("Only models are rated: artifact 1 is a dataset.")
                .expectNoEvents();
    }

    @Test
    void aMultiVersionRegistrationListingOneVersionTwiceIsRefused() {
        var books = content("bookcorpus/bookcorpus");
        fixture.givenNoPriorActivity()
                .when(new RegisterArtifactVersions("1", ArtifactType.DATASET, "books",
                        List.of(new RatedContent(books, null), new RatedContent(books.withVersion("v1.0.0"), null)),
                        ADMIN))
                .expectException(RegistryException.class)
                .expectNoEvents();
    }

    private static RatingOutcome rating(RatingTrigger trigger) {
        var scores = new RatingScores(0.9, 0.9, 0.9, 0.9, 1, new SizeScores(0.3, 0.4, 1, 1), 1, 0.8, 1, 1, -1, 1);
        return new RatingOutcome("google-bert/bert-base-uncased", new ModelRating("bert", "fill-mask", scores,
                Map.of("net_score", 0.2)), Map.of("license", "apache-2.0"), List.of(), true, "enforce", Map.of(), trigger);
    }

    private static ArtifactRegistered registered(String id, String name) {
        return new ArtifactRegistered(id, ArtifactType.MODEL, name, content("google-bert/bert-base-uncased"), ADMIN, NOW);
    }

    private static ArtifactContent content(String repoId) {
        return content(repoId, null);
    }

    private static ArtifactContent content(String repoId, String readme) {
        return new ArtifactContent("https://huggingface.co/" + repoId,
                new SourceRef(SourceKind.HUGGINGFACE_MODEL, repoId, "main", null, "https://huggingface.co/" + repoId),
                new StoredPackage("a".repeat(64), 1000, 440_000_000L, List.of()),
                documents.store(new ArtifactDocuments(readme, null, null)), "apache-2.0", null);
    }
}
