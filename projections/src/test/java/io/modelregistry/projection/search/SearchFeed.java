package io.modelregistry.projection.search;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.search.SearchIndexWriter;
import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Feeds a search adapter through the projection, as the processing group does: tracked events at increasing
 * positions, artifact ids {@code id-1}, {@code id-2}, … in registration order.
 */
public final class SearchFeed {

    public static final Actor ACTOR = new Actor("tester", true);

    /** Content-addressed, so one store serves every feed: the same README is the same document. */
    public static final InMemoryDocuments DOCUMENTS = new InMemoryDocuments();

    private final SearchProjectionDriver projection;
    private long position;
    private int ids;

    public SearchFeed(SearchIndexWriter writer) {
        this(writer, 0, 0);
    }

    private SearchFeed(SearchIndexWriter writer, long position, int ids) {
        this.projection = new SearchProjectionDriver(writer, DOCUMENTS);
        this.position = position;
        this.ids = ids;
    }

    /** A feed into {@code writer} that goes on where this one stopped (ids, and positions after {@code atLeast}). */
    public SearchFeed continuedInto(SearchIndexWriter writer, long atLeast) {
        return new SearchFeed(writer, Math.max(position, atLeast), ids);
    }

    public SearchProjectionDriver projection() {
        return projection;
    }

    /** The position of the last event delivered. */
    public long position() {
        return position;
    }

    public String register(String name, ArtifactType type, String readme) {
        String id = "id-" + (++ids);
        register(id, name, type, readme);
        return id;
    }

    public void register(String id, String name, ArtifactType type, String readme) {
        deliver(new ArtifactRegistered(id, type, name, content(readme), ACTOR, Instant.now()));
    }

    /** Registers at {@code version}. */
    public void register(String id, String name, ArtifactType type, String readme, String version) {
        deliver(new ArtifactRegistered(id, type, name, content(readme).withVersion(version), ACTOR, Instant.now()));
    }

    public void addVersion(String id, String name, ArtifactType type, String readme, String version) {
        ArtifactVersionAdded event = new ArtifactVersionAdded(id, type, name, content(readme).withVersion(version),
                ACTOR, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    public void update(String id, String name, ArtifactType type, String readme) {
        ArtifactUpdated event = new ArtifactUpdated(id, type, name, content(readme), ACTOR, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    public void delete(String id, String name, ArtifactType type) {
        ArtifactDeleted event = new ArtifactDeleted(id, type, name, ACTOR, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    public void resetRegistry() {
        RegistryReset event = new RegistryReset(ACTOR, null, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    public void unrelatedEvent() {
        String event = "something else happened";
        projection.on(event, tracked(event));
    }

    /** Delivers the event at the next position and returns that position. */
    public long deliver(ArtifactRegistered event) {
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
        return position;
    }

    /** Delivers the event at the next position as part of a replay (the handler need not refresh). */
    public long replay(ArtifactRegistered event) {
        projection.on(event, tracked(event), ReplayStatus.REPLAY);
        return position;
    }

    /** Delivers an event again at a position already seen, as a replay after a restart would. */
    public void redeliver(Object event, long at) {
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(at),
                GenericEventMessage.asEventMessage(event));
        if (event instanceof ArtifactRegistered registered) {
            projection.on(registered, message, ReplayStatus.REGULAR);
        } else if (event instanceof ArtifactUpdated updated) {
            projection.on(updated, message, ReplayStatus.REGULAR);
        } else if (event instanceof ArtifactVersionAdded added) {
            projection.on(added, message, ReplayStatus.REGULAR);
        } else if (event instanceof ArtifactDeleted deleted) {
            projection.on(deleted, message, ReplayStatus.REGULAR);
        } else {
            throw new IllegalArgumentException("not supported here: " + event);
        }
    }

    public static ArtifactContent content(String readme) {
        return new ArtifactContent("https://huggingface.co/example", null, null,
                DOCUMENTS.store(new ArtifactDocuments(readme, null, null)), null, null);
    }

    private TrackedEventMessage<?> tracked(Object event) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++position),
                GenericEventMessage.asEventMessage(event));
    }
}
