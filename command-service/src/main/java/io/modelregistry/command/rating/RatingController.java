package io.modelregistry.command.rating;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.ContractRating;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.command.artifact.ArtifactClaims;
import io.modelregistry.rating.ModelRatings;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension: {@code POST /artifact/model/{id}/rate} rates a registered model again now (e.g. after its parents
 * were rated, or after a failed rating), records the new rating and answers it as {@code GET /rate} would,
 * plus {@code vetted} and {@code vetting_note}.
 */
@RestController
class RatingController {

    private final ArtifactClaims claims;
    private final ModelContents contents;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;
    private final ArtifactDocumentStore documents;

    RatingController(ArtifactClaims claims, ModelContents contents, ModelRatings ratings, CommandGateway commands,
                     ReadModelBarrier readModels, ArtifactDocumentStore documents) {
        this.claims = claims;
        this.contents = contents;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
        this.documents = documents;
    }

    @Requires(Access.UPLOAD)
    @PostMapping(path = "/artifact/model/{id}/rate", produces = "application/json")
    Map<String, Object> rerate(@PathVariable("id") String idParam,
                               @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        String id = ArtifactIdentifiers.id(idParam);
        String name = claims.liveName(id, ArtifactType.MODEL).orElseThrow(() -> missing(id));
        var content = contents.latest(id).orElseThrow(() -> missing(id));
        RatingOutcome outcome = ratings.rate(id, name, content, documents.read(content.documents()),
                RatingTrigger.REQUEST);
        commands.sendAndWait(new RecordRating(id, outcome, actor));
        readModels.awaitCaughtUp();
        if (outcome.failed()) {
            throw ErrorMessage.RATING_RATING_RECORDED_BUT_METRIC.exception(String.join(", ", outcome.failedMetrics()));
        }
        return ContractRating.withVetting(outcome);
    }

    private static RegistryException missing(String id) {
        return ErrorMessage.ARTIFACT_NO_MODEL_WITH_ID.exception(id);
    }
}
