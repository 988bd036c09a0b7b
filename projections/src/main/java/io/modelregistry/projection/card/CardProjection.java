package io.modelregistry.projection.card;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.card.ArtifactCard;
import io.modelregistry.api.card.ArtifactCardWriter;
import io.modelregistry.api.registry.RegistryReset;
import io.modelregistry.hub.CardFacts;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the card read model: per artifact version, where its README, config and hub metadata are. An update
 * replaces the content of the version it names; a delete or a reset clears the artifact's cards (the log keeps them).
 */
@Component
@ProcessingGroup("cards")
class CardProjection {

    private static final Logger log = LoggerFactory.getLogger(CardProjection.class);

    private final ArtifactCardWriter cards;
    private final ArtifactDocumentStore documents;

    CardProjection(ArtifactCardWriter cards, ArtifactDocumentStore documents) {
        this.cards = cards;
        this.documents = documents;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        put(event.artifactId(), event.type(), event.name(), event.content(), event.at());
    }

    @EventHandler
    void on(ArtifactUpdated event) {
        put(event.artifactId(), event.type(), event.name(), event.content(), event.at());
    }

    @EventHandler
    void on(ArtifactVersionAdded event) {
        put(event.artifactId(), event.type(), event.name(), event.content(), event.at());
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        cards.delete(event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        cards.deleteAll();
    }

    @ResetHandler
    void onReplay() {
        cards.deleteAll();
    }

    /**
     * The facts are read from the documents here, once per version, so a page of search results reads none. On a
     * replay, an event whose artifact was later updated or deleted may name documents a sweep has since removed: the
     * facts are then read without them, and the later event puts the card right.
     */
    private void put(String id, ArtifactType type, String name, ArtifactContent c, Instant at) {
        String readme = documents.textUnlessSwept(c.documents().readme());
        String metadata = documents.textUnlessSwept(c.documents().sourceMetadataJson());
        if ((readme == null && c.documents().readme() != null)
                || (metadata == null && c.documents().sourceMetadataJson() != null)) {
            log.info("documents of {} at version {} are no longer stored (swept once superseded): card facts without them",
                    id, c.version());
        }
        CardFacts facts = CardFacts.of(readme, metadata, c.licence());
        cards.put(new ArtifactCard(id, type, name, c.version(), c.sourceUrl(), c.source().kind().name(),
                facts.licence(), facts.task(), facts.library(), facts.tags(), c.documents(), at));
    }
}
