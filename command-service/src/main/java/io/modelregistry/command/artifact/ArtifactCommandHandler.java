package io.modelregistry.command.artifact;

import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.command.lineage.RelationshipExtractor;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
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

    ArtifactCommandHandler(@Qualifier("artifactAggregateRepository") Repository<ArtifactAggregate> artifacts,
                           ArtifactClaims claims, Clock clock, RelationshipExtractor lineage) {
        this.artifacts = artifacts;
        this.claims = claims;
        this.clock = clock;
        this.lineage = lineage;
    }

    @CommandHandler
    String handle(RegisterArtifact command) throws Exception {
        claims.claim(command.artifactId(), command.type(), command.name(),
                command.content().source().duplicateKey(command.type()));
        var declared = lineage.extract(command.type(), command.content());
        artifacts.newInstance(() -> new ArtifactAggregate(command, clock.instant(), declared));
        return command.artifactId();
    }

    @CommandHandler
    void handle(UpdateArtifact command) {
        var declared = lineage.extract(command.type(), command.content());
        artifacts.load(command.artifactId()).execute(artifact -> artifact.update(command, clock.instant(), declared));
        claims.reclaim(command.artifactId(), command.content().source().duplicateKey(command.type()));
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
