package io.modelregistry.command.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.artifact.UpdateArtifact;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.rating.RecordRating;
import io.modelregistry.api.rest.ArtifactEnvelope;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.command.ingest.IngestedSource;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.rating.ModelRatings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Register, update and delete artifacts. Each write fetches what it needs first (no lock held while the
 * hub answers), then sends one command, then waits for the read models, so the next read sees the write.
 */
@RestController
class ArtifactWriteController {

    private final SourceIngestor ingestor;
    private final ArtifactClaims claims;
    private final ArtifactIds ids;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;
    private final DownloadLinkSigner links;
    private final ModelRatings ratings;

    ArtifactWriteController(SourceIngestor ingestor, ArtifactClaims claims, ArtifactIds ids, CommandGateway commands,
                            ReadModelBarrier readModels, DownloadLinkSigner links, ModelRatings ratings) {
        this.ingestor = ingestor;
        this.claims = claims;
        this.ids = ids;
        this.commands = commands;
        this.readModels = readModels;
        this.links = links;
        this.ratings = ratings;
    }

    @PostMapping(path = "/artifact/{artifact_type}", produces = "application/json")
    ResponseEntity<ArtifactEnvelope> register(@PathVariable("artifact_type") String typeParam,
                                              @RequestBody(required = false) JsonNode body,
                                              @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        var request = ArtifactRequests.ingest(body);
        // Refuse a duplicate before fetching anything; the claim inside the command re-checks atomically.
        if (claims.isClaimed(type, ingestor.parse(type, request.url()))) {
            throw RegistryException.conflict("A " + type.wireName() + " from " + request.url() + " is already registered.");
        }
        IngestedSource ingested = ingestor.ingest(type, request.url());
        String name = request.name().orElse(ingested.derivedName());
        // Rating (issue 4): a model is rated before anything is registered; the ingest gate may refuse it (424).
        RatingOutcome rating = type == ArtifactType.MODEL
                ? ratings.rateForIngest(name, request.url(), ingested.content(), actor) : null;
        String id = ids.next();
        commands.sendAndWait(new RegisterArtifact(id, type, name, ingested.content(), actor));
        if (rating != null) {
            commands.sendAndWait(new RecordRating(id, rating, actor));
        }
        readModels.awaitCaughtUp();
        String downloadUrl = links.link(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), id,
                ingested.content().pkg().digest(), actor.username(), actor.admin());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ArtifactEnvelope(
                ArtifactEnvelope.Metadata.of(name, id, type), new ArtifactEnvelope.Data(request.url(), downloadUrl)));
    }

    @PutMapping(path = "/artifacts/{artifact_type}/{id}")
    ResponseEntity<Void> update(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam,
                                @RequestBody(required = false) JsonNode body,
                                @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String id = ArtifactIdentifiers.id(idParam);
        var request = ArtifactRequests.update(body);
        if (!id.equals(request.id()) || !type.wireName().equals(request.type())) {
            throw RegistryException.badRequest("metadata.id and metadata.type must match the path ("
                    + type.wireName() + "/" + id + ").");
        }
        String currentName = claims.liveName(id, type).orElseThrow(() -> missing(type, id));
        if (!currentName.equals(request.name())) {
            throw RegistryException.badRequest("The name and id must match: artifact " + id + " is named '"
                    + currentName + "'.");
        }
        IngestedSource ingested = ingestor.ingest(type, request.url());
        // Rating (issue 4): new content, new rating (an update is not refused by the gate; it may become "not vetted").
        RatingOutcome rating = type == ArtifactType.MODEL
                ? ratings.rate(id, request.name(), ingested.content(), RatingTrigger.UPDATE) : null;
        commands.sendAndWait(new UpdateArtifact(id, type, request.name(), ingested.content(), actor));
        if (rating != null) {
            commands.sendAndWait(new RecordRating(id, rating, actor));
        }
        readModels.awaitCaughtUp();
        return ResponseEntity.ok().build();
    }

    @DeleteMapping(path = "/artifacts/{artifact_type}/{id}")
    ResponseEntity<Void> delete(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam,
                                @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String id = ArtifactIdentifiers.id(idParam);
        claims.liveName(id, type).orElseThrow(() -> missing(type, id));
        commands.sendAndWait(new DeleteArtifact(id, type, actor));
        readModels.awaitCaughtUp();
        return ResponseEntity.ok().build();
    }

    private static RegistryException missing(ArtifactType type, String id) {
        return RegistryException.notFound("No " + type.wireName() + " artifact with id " + id + ".");
    }
}
