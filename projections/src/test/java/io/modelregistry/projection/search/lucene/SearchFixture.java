package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.projection.search.InMemoryDocuments;
import io.modelregistry.projection.search.SearchProjectionDriver;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.registry.RegistryReset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackedEventMessage;

/** A search index in a directory, fed through the projection with tracked events at increasing positions. */
final class SearchFixture implements AutoCloseable {

    static final Actor ACTOR = new Actor("tester", true);

    /** Content-addressed, so one store serves every fixture: the same README is the same document. */
    static final InMemoryDocuments DOCUMENTS = new InMemoryDocuments();

    private final Path dataDir;
    private SearchIndex index;
    private SearchProjectionDriver projection;
    private LuceneArtifactSearch search;
    private long position;
    private int ids;

    SearchFixture(Path dataDir) {
        this.dataDir = dataDir;
        open();
    }

    private void open() {
        index = new SearchIndex(dataDir);
        projection = new SearchProjectionDriver(index, DOCUMENTS);
        search = new LuceneArtifactSearch(index, Duration.ofSeconds(30));
        position = Math.max(position, index.atOpen().position());
    }

    ArtifactSearch search() {
        return search;
    }

    SearchIndex index() {
        return index;
    }

    SearchProjectionDriver projection() {
        return projection;
    }

    long position() {
        return position;
    }

    void reopen() {
        index.close();
        open();
    }

    String register(String name, ArtifactType type, String readme) {
        String id = "id-" + (++ids);
        register(id, name, type, readme);
        return id;
    }

    void register(String id, String name, ArtifactType type, String readme) {
        ArtifactRegistered event = new ArtifactRegistered(id, type, name, content(readme), ACTOR, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    /** Registers at {@code version}. */
    void register(String id, String name, ArtifactType type, String readme, String version) {
        ArtifactRegistered event = new ArtifactRegistered(id, type, name, content(readme).withVersion(version), ACTOR,
                Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    void addVersion(String id, String name, ArtifactType type, String readme, String version) {
        ArtifactVersionAdded event = new ArtifactVersionAdded(id, type, name, content(readme).withVersion(version),
                ACTOR, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    void update(String id, String name, ArtifactType type, String readme) {
        ArtifactUpdated event = new ArtifactUpdated(id, type, name, content(readme), ACTOR, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    void delete(String id, String name, ArtifactType type) {
        ArtifactDeleted event = new ArtifactDeleted(id, type, name, ACTOR, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    void resetRegistry() {
        RegistryReset event = new RegistryReset(ACTOR, null, Instant.now());
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
    }

    void unrelatedEvent() {
        String event = "something else happened";
        projection.on(event, tracked(event));
    }

    /** Delivers the event at the next position and returns that position. */
    long deliver(ArtifactRegistered event) {
        projection.on(event, tracked(event), ReplayStatus.REGULAR);
        return position;
    }

    /** Delivers an event again at a position already seen, as a replay after a restart would. */
    void redeliver(Object event, long at) {
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(at),
                GenericEventMessage.asEventMessage(event));
        if (event instanceof ArtifactRegistered registered) {
            projection.on(registered, message, ReplayStatus.REGULAR);
        } else if (event instanceof ArtifactUpdated updated) {
            projection.on(updated, message, ReplayStatus.REGULAR);
        } else {
            throw new IllegalArgumentException("not supported here: " + event);
        }
    }

    static ArtifactContent content(String readme) {
        return new ArtifactContent("https://huggingface.co/example", null, null,
                DOCUMENTS.store(new ArtifactDocuments(readme, null, null)), null, null);
    }

    private TrackedEventMessage<?> tracked(Object event) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++position),
                GenericEventMessage.asEventMessage(event));
    }

    @Override
    public void close() {
        index.close();
    }
}
