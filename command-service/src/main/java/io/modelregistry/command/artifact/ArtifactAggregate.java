package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.AddArtifactVersion;
import io.modelregistry.api.artifact.ArtifactContent;
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
import io.modelregistry.api.rating.RatedContent;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.api.rating.RegisterArtifactVersions;
import io.modelregistry.api.version.SemanticVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One artifact's write model: enforces that updates keep name, id and type, that a version is added once, and that
 * a deleted artifact takes no further commands. Its state (the versions it has, by semver precedence) is rebuilt
 * from its own events; the content lives in the events. An update replaces the content of the latest version.
 */
@Aggregate
class ArtifactAggregate {

    @AggregateIdentifier
    private String artifactId;
    private ArtifactType type;
    private String name;
    /** Normalised versions; equal precedence (build metadata ignored) is one version. */
    private final TreeSet<String> versions = new TreeSet<>(SemanticVersions.PRECEDENCE);

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
        rating.ifPresent(outcome -> rateNew(command.artifactId(), command.type(), outcome, command.actor(), at,
                command.content().version()));
    }

    /**
     * A registration with every version one ingest found: the oldest is registered, each newer one added, each
     * followed by its rating, all in this one decision. Lineage is declared once, for the latest version (the one
     * the contract's lineage answers for). {@code lineageOf} is computed by the handler, outside any state.
     */
    ArtifactAggregate(RegisterArtifactVersions command, Instant at,
                      Function<ArtifactContent, Optional<DeclaredLineage>> lineageOf) {
        if (command.versions().isEmpty()) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_REGISTERED_LEAST_VERSION.exception();
        }
        List<RatedContent> ordered = new ArrayList<>(command.versions());
        ordered.sort((a, b) -> SemanticVersions.PRECEDENCE.compare(a.content().version(), b.content().version()));
        var seen = new TreeSet<String>(SemanticVersions.PRECEDENCE);
        for (RatedContent version : ordered) {
            if (!seen.add(SemanticVersions.normalise(version.content().version()))) {
                throw ErrorMessage.ARTIFACT_VERSION_LISTED_TWICE_ARTIFACT.exception(version.content().version());
            }
        }
        String id = command.artifactId();
        for (int i = 0; i < ordered.size(); i++) {
            RatedContent version = ordered.get(i);
            ArtifactContent content = normalised(version.content());
            if (i == 0) {
                apply(new ArtifactRegistered(id, command.type(), command.name(), content, command.actor(), at));
            } else {
                apply(new ArtifactVersionAdded(id, command.type(), command.name(), content, command.actor(), at));
            }
            if (i == ordered.size() - 1) {
                declareLineage(id, command.type(), command.name(), lineageOf.apply(content), at);
            }
            if (version.rating() != null) {
                rateNew(id, command.type(), version.rating(), command.actor(), at, content.version());
            }
        }
    }

    /**
     * A new version, with its rating for a model, in one decision. Lineage follows the content only when the new
     * version becomes the latest (adding an older version leaves the artifact's declared lineage alone).
     */
    void addVersion(AddArtifactVersion command, Optional<RatingOutcome> rating, Instant at,
                    Optional<DeclaredLineage> lineage) {
        requireType(command.type());
        if (!name.equals(command.name())) {
            throw ErrorMessage.ARTIFACT_NAME_ID_MUST_MATCH.exception(artifactId, name, command.name());
        }
        ArtifactContent content = normalised(command.content());
        if (versions.contains(content.version())) {
            throw ErrorMessage.ARTIFACT_ALREADY_VERSION.exception(type.wireName(), artifactId, versions.ceiling(content.version()));
        }
        boolean becomesLatest = SemanticVersions.PRECEDENCE.compare(content.version(), versions.last()) > 0;
        apply(new ArtifactVersionAdded(artifactId, type, name, content, command.actor(), at));
        if (becomesLatest) {
            declareLineage(artifactId, type, name, lineage, at);
        }
        rating.ifPresent(outcome -> rateNew(artifactId, type, outcome, command.actor(), at, content.version()));
    }

    private static ArtifactContent normalised(ArtifactContent content) {
        return content.withVersion(SemanticVersions.normalise(content.version()));
    }

    void update(UpdateArtifact command, Optional<RatingOutcome> rating, Instant at, Optional<DeclaredLineage> lineage) {
        requireType(command.type());
        if (!name.equals(command.name())) {
            throw ErrorMessage.ARTIFACT_NAME_ID_MUST_MATCH.exception(artifactId, name, command.name());
        }
        // The contract's update replaces the content of the latest version; the version itself stays.
        String latest = versions.last();
        apply(new ArtifactUpdated(artifactId, type, name, command.content().withVersion(latest), command.actor(), at));
        declareLineage(artifactId, type, name, lineage, at);
        rating.ifPresent(outcome -> rateNew(artifactId, type, outcome, command.actor(), at, latest));
    }

    /**
     * The rating that travels with a registration or an update. Checked after the content's events are applied, on
     * purpose: a refusal here must undo them, which the unit of work does (nothing is appended).
     */
    private static void rateNew(String id, ArtifactType type, RatingOutcome outcome, Actor actor, Instant at,
                                String version) {
        if (type != ArtifactType.MODEL) {
            throw ErrorMessage.ARTIFACT_MODELS_RATED_ARTIFACT.exception(id, type.wireName());
        }
        apply(new ModelRated(id, outcome, actor, at, version));
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

    /**
     * A model's rating on request, of its latest version (a registration, an update or an added version carries
     * its own: see the constructor).
     */
    void rate(RecordRating command, Instant at) {
        requireType(ArtifactType.MODEL);
        apply(new ModelRated(artifactId, command.outcome(), command.actor(), at, versions.last()));
    }

    private void requireType(ArtifactType requested) {
        if (requested != type) {
            // An id names one artifact of one type: asking for it under another type is asking for nothing.
            throw ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.exception(requested.wireName(), artifactId);
        }
    }

    @EventSourcingHandler
    void on(ArtifactRegistered event) {
        artifactId = event.artifactId();
        type = event.type();
        name = event.name();
        // events recorded before versions existed carry none: their content is the default version
        versions.add(SemanticVersions.normalise(event.content().version()));
    }

    @EventSourcingHandler
    void on(ArtifactVersionAdded event) {
        versions.add(SemanticVersions.normalise(event.content().version()));
    }

    @EventSourcingHandler
    void on(ArtifactDeleted event) {
        markDeleted();
    }
}
