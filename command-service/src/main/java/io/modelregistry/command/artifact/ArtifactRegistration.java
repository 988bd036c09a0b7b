package io.modelregistry.command.artifact;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RegisterRatedModel;
import io.modelregistry.command.ingest.IngestedSource;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.rating.ModelRatings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * The ingest use case: refuse a known source before fetching anything, fetch and store it (blobs first), rate a
 * model (the ingest gate may refuse it), then send ONE command that registers it with its rating, and wait for the
 * read models so the next read sees it. No lock is held while the hubs answer.
 */
@Service
class ArtifactRegistration {

    private final SourceIngestor ingestor;
    private final ArtifactClaims claims;
    private final ArtifactIds ids;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;

    ArtifactRegistration(SourceIngestor ingestor, ArtifactClaims claims, ArtifactIds ids, ModelRatings ratings,
                         CommandGateway commands, ReadModelBarrier readModels) {
        this.ingestor = ingestor;
        this.claims = claims;
        this.ids = ids;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
    }

    record Registered(String id, String name, ArtifactType type, String packageDigest) {
    }

    Registered register(ArtifactType type, ArtifactRequests.IngestRequest request, Actor actor) {
        // A fast refusal of a duplicate; the claim inside the command re-checks atomically.
        if (claims.isClaimed(type, ingestor.parse(type, request.url()))) {
            throw RegistryException.conflict("A " + type.wireName() + " from " + request.url() + " is already registered.");
        }
        IngestedSource ingested = ingestor.ingest(type, request.url());
        String name = request.name().orElse(ingested.derivedName());
        String id = ids.next();
        var registration = new RegisterArtifact(id, type, name, ingested.content(), actor);
        if (type == ArtifactType.MODEL) {
            // Rated before anything is registered: the ingest gate may refuse it (424), and the rating is
            // recorded by the same command as the registration.
            var rating = ratings.rateForIngest(name, request.url(), ingested.content(), ingested.documents(), actor);
            commands.sendAndWait(new RegisterRatedModel(registration, rating));
        } else {
            commands.sendAndWait(registration);
        }
        readModels.awaitCaughtUp();
        return new Registered(id, name, type, ingested.content().pkg().digest());
    }
}
