package io.modelregistry.command.artifact;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.AddArtifactVersion;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.hub.lineage.DeclaredLineage;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RecordRating;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One artifact's write model: enforces that updates keep name, id and type, and that a deleted artifact
 * takes no further commands. Its state is rebuilt from its own events; the content lives in the events.
 */
@Aggregate
class ArtifactAggregate {

    @AggregateIdentifier
    private String artifactId;
    private ArtifactType type;
    private String name;
    /** Every version the artifact has (normalised by whoever produced the content). */
    private final Set<String> versions = new HashSet<>();

    protected ArtifactAggregate() {
        // for Axon: rebuilt from events
    }

    /**
     * A registration, with the rating computed for it when it is a model: every event of it is appended in this
     * one decision (one unit of work), so a crash cannot leave a registered model without its rating.
     */
    ArtifactAggregate(RegisterArtifact command, Optional<RatingOutcome> rating, Instant at,
                      Optional<DeclaredLineage> lineage) {
        apply(new ArtifactRegistered(command.artifactId(), command.type(), command.name(), command.content(),
                command.actor(), at));
        declareLineage(command.artifactId(), command.type(), command.name(), lineage, at);
        rating.ifPresent(outcome -> rateNew(command.artifactId(), command.type(), outcome, command.actor(), at));
    }

    /**
     * A new version, with its rating for a model, in one decision; a version the artifact already has is refused
     * (409) and nothing is appended.
     */
    void addVersion(AddArtifactVersion command, Optional<RatingOutcome> rating, Instant at,
                    Optional<DeclaredLineage> lineage) {
        requireType(command.type());
        if (!name.equals(command.name())) {
            throw RegistryException.badRequest("The name and id must match: artifact " + artifactId
                    + " is named '" + name + "', not '" + command.name() + "'.");
        }
        String version = command.content().version();
        if (versions.contains(version)) {
            throw RegistryException.conflict("The " + type.wireName() + " " + artifactId + " already has version "
                    + version + ".");
        }
        apply(new ArtifactVersionAdded(artifactId, type, name, command.content(), command.actor(), at));
        declareLineage(artifactId, type, name, lineage, at);
        rating.ifPresent(outcome -> apply(new ModelRated(artifactId, outcome, command.actor(), at, version)));
    }

    void update(UpdateArtifact command, Optional<RatingOutcome> rating, Instant at, Optional<DeclaredLineage> lineage) {
        requireType(command.type());
        if (!name.equals(command.name())) {
            throw RegistryException.badRequest("The name and id must match: artifact " + artifactId
                    + " is named '" + name + "', not '" + command.name() + "'.");
        }
        apply(new ArtifactUpdated(artifactId, type, name, command.content(), command.actor(), at));
        declareLineage(artifactId, type, name, lineage, at);
        rating.ifPresent(outcome -> rateNew(artifactId, type, outcome, command.actor(), at));
    }

    /**
     * The rating that travels with a registration or an update. Checked after the content's events are applied, on
     * purpose: a refusal here must undo them, which the unit of work does (nothing is appended).
     */
    private static void rateNew(String id, ArtifactType type, RatingOutcome outcome, Actor actor, Instant at) {
        if (type != ArtifactType.MODEL) {
            throw RegistryException.badRequest("Only models are rated: artifact " + id + " is a "
                    + type.wireName() + ".");
        }
        apply(new ModelRated(id, outcome, actor, at));
    }

    void delete(DeleteArtifact command, Instant at) {
        requireType(command.type());
        apply(new ArtifactDeleted(artifactId, type, name, command.actor(), at));
    }

    /**
     * Lineage: the relationships the new content declares, right after the event that carries it.
     * Ids are passed in because, inside the constructor, Axon applies events only after it returns.
     */
    private static void declareLineage(String id, ArtifactType type, String name, Optional<DeclaredLineage> lineage,
                                       Instant at) {
        lineage.ifPresent(declared -> apply(new ArtifactRelationshipsDeclared(id, type, name,
                declared.relationships(), declared.metadataMalformed(), at)));
    }

    /** A model's rating on request (a registration or an update carries its own: see the constructor). */
    void rate(RecordRating command, Instant at) {
        requireType(ArtifactType.MODEL);
        apply(new ModelRated(artifactId, command.outcome(), command.actor(), at));
    }

    private void requireType(ArtifactType requested) {
        if (requested != type) {
            // An id names one artifact of one type: asking for it under another type is asking for nothing.
            throw RegistryException.notFound("No " + requested.wireName() + " artifact with id " + artifactId + ".");
        }
    }

    @EventSourcingHandler
    void on(ArtifactRegistered event) {
        artifactId = event.artifactId();
        type = event.type();
        name = event.name();
        versions.add(event.content().version());
    }

    @EventSourcingHandler
    void on(ArtifactVersionAdded event) {
        versions.add(event.content().version());
    }

    @EventSourcingHandler
    void on(ArtifactDeleted event) {
        markDeleted();
    }
}
