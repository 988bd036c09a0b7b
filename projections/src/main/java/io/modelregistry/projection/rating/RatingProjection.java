package io.modelregistry.projection.rating;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.rating.IngestRefusal;
import io.modelregistry.api.rating.ModelIngestRefused;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.RatingReadModelWriter;
import io.modelregistry.api.rating.StoredRating;
import io.modelregistry.api.registry.RegistryReset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Builds the ratings read model through its port: the latest rating per model (what {@code /rate} answers),
 * every rating in order (the history), and the refused ingests. Writes are keyed by artifact or event id, so a
 * replay rebuilds the same state; a reset or a delete clears it, the log keeps it.
 */
@Component
@ProcessingGroup("ratings")
public class RatingProjection {

    private final RatingReadModelWriter ratings;

    /** Public for a replay into read models of its own (time travel), beside the processing group's instance. */
    public RatingProjection(RatingReadModelWriter ratings) {
        this.ratings = ratings;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ModelRated event, @MessageIdentifier String eventId) {
        // a rating recorded before versions existed rated the model's only version, the default one
        ratings.recordRating(eventId, new StoredRating(event.artifactId(), event.outcome(), event.actor().username(),
                event.at(), event.version()));
    }

    @EventHandler
    void on(ModelIngestRefused event, @MessageIdentifier String eventId) {
        ratings.recordRefusal(eventId, new IngestRefusal(event.sourceUrl(), event.name(), event.message(),
                event.outcome(), event.actor().username(), event.at()));
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        ratings.deleteFor(event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        ratings.deleteAll();
    }

    @ResetHandler
    void onReplay() {
        ratings.deleteAll();
    }
}
