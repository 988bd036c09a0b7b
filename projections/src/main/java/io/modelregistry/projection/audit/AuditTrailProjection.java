package io.modelregistry.projection.audit;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.eventhandling.TrackingToken;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.audit.AuditEntry;
import io.modelregistry.api.audit.AuditTrailWriter;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.registry.RegistryReset;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Builds per-artifact audit trails through the audit port. Each entry is keyed by the id of the event it came
 * from, so a replay writes the same entries again instead of duplicating them. A reset clears the read model, not the log.
 */
@Component
@ProcessingGroup("audit")
public class AuditTrailProjection {

    private final AuditTrailWriter trail;

    /** Public for a replay into read models of its own (time travel), beside the processing group's instance. */
    public AuditTrailProjection(AuditTrailWriter trail) {
        this.trail = trail;
    }

    /** A group transaction's members, all in this one call (see {@link GroupMembers}). */
    @EventHandler
    void on(GroupCommitted group, TrackingToken token, GroupMembers members) {
        members.applyTo(this, group, token);
    }

    @EventHandler
    void on(ArtifactRegistered event, @MessageIdentifier String eventId) {
        record(eventId, event.artifactId(), event.type(), event.name(), "CREATE", event.actor(), event.at(),
                event.content().version());
    }

    /** A version added to an artifact changes it: the contract's UPDATE, naming the version. */
    @EventHandler
    void on(ArtifactVersionAdded event, @MessageIdentifier String eventId) {
        record(eventId, event.artifactId(), event.type(), event.name(), "UPDATE", event.actor(), event.at(),
                event.content().version());
    }

    @EventHandler
    void on(ArtifactUpdated event, @MessageIdentifier String eventId) {
        record(eventId, event.artifactId(), event.type(), event.name(), "UPDATE", event.actor(), event.at(),
                event.content().version());
    }

    @EventHandler
    void on(ArtifactDownloaded event, @MessageIdentifier String eventId) {
        record(eventId, event.artifactId(), event.type(), event.name(), "DOWNLOAD", event.actor(), event.at(),
                event.version());
    }

    /** A rating someone asked for is their action (RATE); ratings at ingest and update belong to CREATE/UPDATE. */
    @EventHandler
    void on(ModelRated event, @MessageIdentifier String eventId) {
        if (event.outcome().trigger() == RatingTrigger.REQUEST) {
            record(eventId, event.artifactId(), ArtifactType.MODEL, event.outcome().rating().name(), "RATE",
                    event.actor(), event.at(), event.version());
        }
    }

    @EventHandler
    void on(RegistryReset event) {
        trail.deleteAll();
    }

    @ResetHandler
    void onReplay() {
        trail.deleteAll();
    }

    private void record(String eventId, String artifactId, ArtifactType type, String name, String action,
                        Actor actor, Instant at, String version) {
        trail.record(eventId, new AuditEntry(actor.username(), actor.admin(), at, artifactId, name, type, action,
                version));
    }
}
