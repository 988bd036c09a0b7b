package io.modelregistry.projection.search;

import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.search.SearchIndexWriter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;

/**
 * Test access to the (package-private) search projection for the adapter's tests, which live in the adapter's
 * package: the same handlers the launcher registers, called directly.
 */
public final class SearchProjectionDriver {

    private final SearchProjection projection;

    public SearchProjectionDriver(SearchIndexWriter index, ArtifactDocumentStore documents) {
        this.projection = new SearchProjection(index, documents);
    }

    /** The projection itself, to register with an Axon configuration. */
    public Object handler() {
        return projection;
    }

    public void on(ArtifactRegistered event, EventMessage<?> message, ReplayStatus replay) {
        projection.on(event, message, replay);
    }

    public void on(ArtifactUpdated event, EventMessage<?> message, ReplayStatus replay) {
        projection.on(event, message, replay);
    }

    public void on(ArtifactVersionAdded event, EventMessage<?> message, ReplayStatus replay) {
        projection.on(event, message, replay);
    }

    public void on(ArtifactDeleted event, EventMessage<?> message, ReplayStatus replay) {
        projection.on(event, message, replay);
    }

    public void on(RegistryReset event, EventMessage<?> message, ReplayStatus replay) {
        projection.on(event, message, replay);
    }

    public void on(Object otherEvent, EventMessage<?> message) {
        projection.on(otherEvent, message);
    }
}
