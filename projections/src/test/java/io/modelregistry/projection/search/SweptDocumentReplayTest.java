package io.modelregistry.projection.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.DocumentMissing;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.search.SearchIndexWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.Test;

/**
 * A sweep deletes the documents no live version references, so replaying the log (a rebuilt read model, a new node
 * with read models of its own) meets events whose README is gone. The projection must go past them: the event that
 * superseded them puts the read model right, and a stalled projection would hold every read behind it.
 */
class SweptDocumentReplayTest {

    private static final Actor ACTOR = new Actor("tester", true);

    @Test
    void aReplayedRegistrationWhoseReadmeWasSweptIsIndexedWithoutItAndTheUpdateAfterItRestoresTheText() {
        InMemoryDocuments documents = new InMemoryDocuments();
        ArtifactContent first = content(documents, "the first README, replaced by the update");
        ArtifactContent second = content(documents, "the README of the live version");
        documents.sweep(first.documents().readme());
        Recording index = new Recording();
        SearchProjectionDriver projection = new SearchProjectionDriver(index, documents);

        projection.on(new ArtifactRegistered("a1", ArtifactType.MODEL, "m", first, ACTOR, Instant.now()),
                GenericEventMessage.asEventMessage("registered"), ReplayStatus.REPLAY);
        projection.on(new ArtifactUpdated("a1", ArtifactType.MODEL, "m", second, ACTOR, Instant.now()),
                GenericEventMessage.asEventMessage("updated"), ReplayStatus.REPLAY);

        assertThat(index.written).extracting(IndexedArtifact::readme)
                .containsExactly(null, "the README of the live version");
    }

    @Test
    void aDocumentThatIsMissingIsStillAnErrorForEveryReaderButAReplayingProjection() {
        InMemoryDocuments documents = new InMemoryDocuments();
        ArtifactContent gone = content(documents, "swept");
        documents.sweep(gone.documents().readme());

        assertThatThrownBy(() -> documents.text(gone.documents().readme())).isInstanceOf(DocumentMissing.class);
        assertThat(documents.textUnlessSwept(gone.documents().readme())).isNull();
    }

    private static ArtifactContent content(InMemoryDocuments documents, String readme) {
        return new ArtifactContent("https://huggingface.co/example", null, null,
                documents.store(new ArtifactDocuments(readme, null, null)), null, null);
    }

    private static final class Recording implements SearchIndexWriter {

        final List<IndexedArtifact> written = new ArrayList<>();

        @Override
        public void register(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
            written.add(artifact);
        }

        @Override
        public void update(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
            written.add(artifact);
        }

        @Override
        public void addVersion(IndexedArtifact artifact, OptionalLong position, boolean visibleNow) {
            written.add(artifact);
        }

        @Override
        public void delete(String artifactId, OptionalLong position, boolean visibleNow) {
        }

        @Override
        public void deleteAll(OptionalLong position, boolean visibleNow) {
        }

        @Override
        public void skip(OptionalLong position) {
        }

        @Override
        public void clear() {
        }
    }
}
