package io.modelregistry.projection.search;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.api.search.IndexedArtifact;
import io.modelregistry.api.search.SearchIndexWriter;
import io.modelregistry.api.version.SemanticVersions;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the search index from the event stream. Every handler is idempotent (upsert or delete by id, delete
 * all), because a tracking processor may deliver events again after a restart or replay.
 *
 * <p>Handlers take the {@link EventMessage} rather than a {@code TrackingToken} parameter: Axon only invokes a
 * handler that declares a {@code TrackingToken} for tracked messages, and the position is optional anyway.
 * It writes through the {@link SearchIndexWriter} port; the Lucene adapter documents its own durability and
 * crash recovery.
 */
@Component
@ProcessingGroup(SearchProjection.PROCESSING_GROUP)
public class SearchProjection {

    static final String PROCESSING_GROUP = SearchProcessingGroup.NAME;
    private static final Logger log = LoggerFactory.getLogger(SearchProjection.class);

    private final SearchIndexWriter index;
    private final ArtifactDocumentStore documents;

    /** Public for a replay into read models of its own (time travel), beside the processing group's instance. */
    public SearchProjection(SearchIndexWriter index, ArtifactDocumentStore documents) {
        this.index = index;
        this.documents = documents;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        index.together(() -> members.applyTo(this, group, token));
    }

    @EventHandler
    void on(ArtifactRegistered event, EventMessage<?> message, ReplayStatus replay) {
        index.register(toIndexed(event.artifactId(), event.name(), event.type(), event.content()),
                position(message), visibleNow(replay));
    }

    @EventHandler
    void on(ArtifactUpdated event, EventMessage<?> message, ReplayStatus replay) {
        index.update(toIndexed(event.artifactId(), event.name(), event.type(), event.content()),
                position(message), visibleNow(replay));
    }

    @EventHandler
    void on(ArtifactVersionAdded event, EventMessage<?> message, ReplayStatus replay) {
        index.addVersion(toIndexed(event.artifactId(), event.name(), event.type(), event.content()),
                position(message), visibleNow(replay));
    }

    @EventHandler
    void on(ArtifactDeleted event, EventMessage<?> message, ReplayStatus replay) {
        index.delete(event.artifactId(), position(message), visibleNow(replay));
    }

    @EventHandler
    void on(RegistryReset event, EventMessage<?> message, ReplayStatus replay) {
        index.deleteAll(position(message), visibleNow(replay));
    }

    /**
     * Every other event: nothing to index, but the durable position must still reach the token's position,
     * or every restart would look like Lucene fell behind. Axon picks the most specific handler per event.
     */
    @EventHandler
    void on(Object otherEvent, EventMessage<?> message) {
        index.skip(position(message));
    }

    /** The processing group's tokens were reset: the whole stream follows, so start from nothing. */
    @ResetHandler
    void onReset() {
        index.clear();
    }

    /**
     * The README is indexed for regex search: read by its digest (events carry no document text). On a replay, an
     * event whose artifact was later updated or deleted may name a README a sweep has since removed: it is indexed
     * without one, and the later event puts the document right.
     */
    private IndexedArtifact toIndexed(String id, String name, io.modelregistry.api.artifact.ArtifactType type,
                                      ArtifactContent content) {
        String readme = content == null ? null : documents.textUnlessSwept(content.documents().readme());
        if (content != null && readme == null && content.documents().readme() != null) {
            log.info("the README of {} at version {} is no longer stored (swept once superseded): indexed without it",
                    id, content.version());
        }
        return new IndexedArtifact(id, name, type, readme, content == null ? List.of()
                : List.of(SemanticVersions.tryNormalise(content.version()).orElse(content.version())));
    }

    /**
     * Read-your-writes needs the change visible when the handler returns (the launcher answers a write once
     * the processors reach its event). A replay has no waiting writer; the periodic refresh shows it.
     */
    private static boolean visibleNow(ReplayStatus replay) {
        return replay == null || !replay.isReplay();
    }

    private static OptionalLong position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position();
        }
        return OptionalLong.empty();
    }
}
