package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.AddArtifactVersion;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.group.GroupMember;
import io.modelregistry.api.rating.AddRatedModelVersion;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.api.rating.RegisterArtifactVersions;
import io.modelregistry.api.rating.RegisterRatedModel;
import io.modelregistry.api.rating.UpdateRatedModel;
import io.modelregistry.hub.lineage.DeclaredLineage;
import io.modelregistry.hub.lineage.RelationshipExtractor;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Routes artifact commands to the aggregate and keeps the source claims in step: a registration claims its
 * source before its events are appended (and releases it if they are not), see {@link ArtifactClaims}.
 */
@Component
class ArtifactCommandHandler {

    private final Repository<ArtifactAggregate> artifacts;
    private final ArtifactClaims claims;
    private final Clock clock;
    private final RelationshipExtractor lineage;
    private final ArtifactDocumentStore documents;

    ArtifactCommandHandler(@Qualifier("artifactAggregateRepository") Repository<ArtifactAggregate> artifacts,
                           ArtifactClaims claims, Clock clock, RelationshipExtractor lineage,
                           ArtifactDocumentStore documents) {
        this.artifacts = artifacts;
        this.claims = claims;
        this.clock = clock;
        this.lineage = lineage;
        this.documents = documents;
    }

    @CommandHandler
    String handle(RegisterArtifact command) throws Exception {
        return register(command, Optional.empty());
    }

    /** A model and its first rating: one command, so both are appended in one unit of work or neither is. */
    @CommandHandler
    String handle(RegisterRatedModel command) throws Exception {
        return register(command.registration(), Optional.of(command.rating()));
    }

    /** Every version one ingest found, each with its rating: one decision, all of them or none. */
    @CommandHandler
    String handle(RegisterArtifactVersions command) throws Exception {
        if (command.versions().isEmpty()) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_REGISTERED_LEAST_VERSION.exception();
        }
        claims.claim(command.artifactId(), command.type(), command.name(),
                command.versions().get(0).content().source().duplicateKey(command.type()));
        artifacts.newInstance(() -> new ArtifactAggregate(command, clock.instant(),
                content -> declaredLineage(command.type(), content)));
        return command.artifactId();
    }

    /** A registration inside a group's unit of work: the events it appended, by sequence range. */
    GroupMember registerInGroup(RegisterArtifactVersions command) {
        if (command.versions().isEmpty()) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_REGISTERED_LEAST_VERSION.exception();
        }
        claims.claim(command.artifactId(), command.type(), command.name(),
                command.versions().get(0).content().source().duplicateKey(command.type()));
        try {
            Aggregate<ArtifactAggregate> created = artifacts.newInstance(() -> new ArtifactAggregate(command,
                    clock.instant(), content -> declaredLineage(command.type(), content)));
            return new GroupMember(command.artifactId(), 0, created.version());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register " + command.artifactId(), e);
        }
    }

    /** An update (with its rating for a model) inside a group's unit of work. */
    GroupMember updateInGroup(UpdateArtifact command, Optional<RatingOutcome> rating) {
        var declared = declaredLineage(command.type(), command.content());
        Aggregate<ArtifactAggregate> artifact = artifacts.load(command.artifactId());
        long before = artifact.version() == null ? -1 : artifact.version();
        artifact.execute(a -> a.update(command, rating, clock.instant(), declared));
        claims.reclaim(command.artifactId(), command.content().source().duplicateKey(command.type()));
        return new GroupMember(command.artifactId(), before + 1, artifact.version());
    }

    /** A delete inside a group's unit of work. */
    GroupMember deleteInGroup(DeleteArtifact command) {
        Aggregate<ArtifactAggregate> artifact = artifacts.load(command.artifactId());
        long before = artifact.version() == null ? -1 : artifact.version();
        artifact.execute(a -> a.delete(command, clock.instant()));
        claims.release(command.artifactId());
        return new GroupMember(command.artifactId(), before + 1, artifact.version());
    }

    @CommandHandler
    void handle(AddArtifactVersion command) {
        addVersion(command, Optional.empty());
    }

    /** A model version and its rating: one command, so both are appended in one unit of work or neither is. */
    @CommandHandler
    void handle(AddRatedModelVersion command) {
        addVersion(command.addition(), Optional.of(command.rating()));
    }

    private void addVersion(AddArtifactVersion command, Optional<RatingOutcome> rating) {
        var declared = declaredLineage(command.type(), command.content());
        artifacts.load(command.artifactId())
                .execute(artifact -> artifact.addVersion(command, rating, clock.instant(), declared));
    }

    @CommandHandler
    void handle(UpdateArtifact command) {
        update(command, Optional.empty());
    }

    @CommandHandler
    void handle(UpdateRatedModel command) {
        update(command.update(), Optional.of(command.rating()));
    }

    private String register(RegisterArtifact command, Optional<RatingOutcome> rating) throws Exception {
        claims.claim(command.artifactId(), command.type(), command.name(),
                command.content().source().duplicateKey(command.type()));
        var declared = declaredLineage(command.type(), command.content());
        artifacts.newInstance(() -> new ArtifactAggregate(command, rating, clock.instant(), declared));
        return command.artifactId();
    }

    private void update(UpdateArtifact command, Optional<RatingOutcome> rating) {
        var declared = declaredLineage(command.type(), command.content());
        artifacts.load(command.artifactId())
                .execute(artifact -> artifact.update(command, rating, clock.instant(), declared));
        claims.reclaim(command.artifactId(), command.content().source().duplicateKey(command.type()));
    }

    private Optional<DeclaredLineage> declaredLineage(ArtifactType type, ArtifactContent content) {
        return type == ArtifactType.MODEL
                ? lineage.extract(type, content, documents.read(content.documents())) : Optional.empty();
    }

    @CommandHandler
    void handle(DeleteArtifact command) {
        artifacts.load(command.artifactId()).execute(artifact -> artifact.delete(command, clock.instant()));
        claims.release(command.artifactId());
    }

    /** The rating was computed before this command, so the aggregate is not held while hubs answer. */
    @CommandHandler
    void handle(RecordRating command) {
        artifacts.load(command.artifactId()).execute(artifact -> artifact.rate(command, clock.instant()));
    }
}
