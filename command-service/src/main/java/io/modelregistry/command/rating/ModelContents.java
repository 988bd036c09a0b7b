package io.modelregistry.command.rating;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The current content of an artifact (its documents by digest), read from its own event stream without loading
 * or locking its aggregate: what a re-rating on request rates.
 */
final class ModelContents {

    private final EventStore eventStore;

    ModelContents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<ArtifactContent> latest(String artifactId) {
        DomainEventStream stream = eventStore.readEvents(artifactId);
        ArtifactContent content = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof ArtifactRegistered registered) {
                content = registered.content();
            } else if (payload instanceof ArtifactUpdated updated) {
                content = updated.content();
            }
        }
        return Optional.ofNullable(content);
    }

    /** Whether the model's stream already holds a re-rating caused by {@code cause} (a replayed triggering event). */
    boolean reratedAfter(String model, String cause) {
        DomainEventStream stream = eventStore.readEvents(model);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof io.modelregistry.api.rating.ModelRated rated
                    && rated.outcome() != null
                    && rated.outcome().trigger() == io.modelregistry.api.rating.RatingTrigger.LINKED_ARTIFACT
                    && cause.equals(rated.outcome().triggeredBy())) {
                return true;
            }
        }
        return false;
    }
}
