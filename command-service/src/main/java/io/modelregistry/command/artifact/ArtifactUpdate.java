package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.rating.UpdateRatedModel;
import io.modelregistry.command.ingest.IngestedSource;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.rating.ModelRatings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * The update use case: the new source replaces the content; a model is rated again on it (an update is not
 * refused by the gate; it may become "not vetted") and the rating travels in the same command as the content.
 */
@Service
class ArtifactUpdate {

    private final SourceIngestor ingestor;
    private final ArtifactClaims claims;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;

    ArtifactUpdate(SourceIngestor ingestor, ArtifactClaims claims, ModelRatings ratings, CommandGateway commands,
                   ReadModelBarrier readModels) {
        this.ingestor = ingestor;
        this.claims = claims;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
    }

    void update(ArtifactType type, String id, ArtifactRequests.UpdateRequest request, Actor actor) {
        Prepared prepared = prepare(type, id, request, actor);
        commands.sendAndWait(prepared.rating() == null ? prepared.update()
                : new UpdateRatedModel(prepared.update(), prepared.rating()));
        readModels.awaitCaughtUp();
    }

    /** The update's command and, for a model, the rating that travels with it. */
    record Prepared(UpdateArtifact update, RatingOutcome rating) {
    }

    /** Checks the request, fetches and stores the new source and rates a model, but changes nothing. */
    Prepared prepare(ArtifactType type, String id, ArtifactRequests.UpdateRequest request, Actor actor) {
        if (!id.equals(request.id()) || !type.wireName().equals(request.type())) {
            throw ErrorMessage.ARTIFACT_METADATA_ID_METADATA_TYPE.exception(type.wireName(), id);
        }
        // Answered before anything is fetched (a wrong id or name must not cost a hub round trip); the aggregate
        // decides again, atomically, when the command arrives.
        String currentName = claims.liveName(id, type).orElseThrow(() -> ArtifactDeletion.missing(type, id));
        if (!currentName.equals(request.name())) {
            throw ErrorMessage.ARTIFACT_NAME_ID_MUST_MATCH_ARTIFACT.exception(id, currentName);
        }
        IngestedSource ingested = ingestor.ingest(type, request.url());
        var update = new UpdateArtifact(id, type, request.name(), ingested.content(), actor);
        if (type == ArtifactType.MODEL) {
            return new Prepared(update, ratings.rate(id, request.name(), ingested.content(), ingested.documents(),
                    RatingTrigger.UPDATE));
        }
        return new Prepared(update, null);
    }
}
