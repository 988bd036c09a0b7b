package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RatedContent;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.rating.RegisterArtifactVersions;
import io.modelregistry.command.ingest.IngestedSource;
import io.modelregistry.command.ingest.SourceIngestor;
import io.modelregistry.command.ingest.VersionedIngest;
import java.util.ArrayList;
import java.util.List;
import io.modelregistry.rating.ModelRatings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * The ingest use case: refuse a known source before fetching anything, fetch and store it (blobs first), rate a
 * model (the ingest gate may refuse it), then send ONE command that registers it with its rating, and wait for the
 * read models so the next read sees it. No lock is held while the hubs answer. A source with several versions
 * ({@link VersionedIngest}) is registered with all of them in that one command, each model version with its own
 * rating; the gate judges the latest version (what the contract answers for), older ones are rated and recorded.
 */
@Service
class ArtifactRegistration {

    private final SourceIngestor ingestor;
    private final VersionedIngest versionedIngest;
    private final ArtifactClaims claims;
    private final ArtifactIds ids;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;

    ArtifactRegistration(SourceIngestor ingestor, VersionedIngest versionedIngest, ArtifactClaims claims, ArtifactIds ids, ModelRatings ratings,
                         CommandGateway commands, ReadModelBarrier readModels) {
        this.ingestor = ingestor;
        this.versionedIngest = versionedIngest;
        this.claims = claims;
        this.ids = ids;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
    }

    record Registered(String id, String name, ArtifactType type, String packageDigest) {
    }

    Registered register(ArtifactType type, ArtifactRequests.IngestRequest request, Actor actor) {
        Prepared prepared = prepare(type, request, actor);
        commands.sendAndWait(prepared.command());
        readModels.awaitCaughtUp();
        return prepared.registered();
    }

    /** The one command an ingest sends, with what its answer shows: everything but sending it. */
    record Prepared(RegisterArtifactVersions command, Registered registered, String sourceKey) {
    }

    /** Fetches, stores and rates the source (the ingest gate may refuse it), but registers nothing. */
    Prepared prepare(ArtifactType type, ArtifactRequests.IngestRequest request, Actor actor) {
        // A fast refusal of a duplicate; the claim inside the command re-checks atomically.
        if (claims.isClaimed(type, ingestor.parse(type, request.url()))) {
            throw ErrorMessage.ARTIFACT_ALREADY_REGISTERED.exception(type.wireName(), request.url());
        }
        List<IngestedSource> versions = versionedIngest.ingestVersions(type, request.url());
        IngestedSource latest = versions.get(versions.size() - 1);
        String name = request.name().orElse(latest.derivedName());
        String id = ids.next();
        List<RatedContent> rated = new ArrayList<>();
        if (type == ArtifactType.MODEL) {
            // Rated before anything is registered, the latest first: the ingest gate may refuse it (424) before
            // older versions cost a rating; every rating is recorded by the same command as the registration.
            var latestRating = ratings.rateForIngest(name, request.url(), latest.content(), latest.documents(), actor);
            for (IngestedSource version : versions) {
                rated.add(new RatedContent(version.content(), version == latest ? latestRating
                        : ratings.rate("(new)", name, version.content(), version.documents(), RatingTrigger.INGEST)));
            }
        } else {
            versions.forEach(version -> rated.add(new RatedContent(version.content(), null)));
        }
        return new Prepared(new RegisterArtifactVersions(id, type, name, rated, actor),
                new Registered(id, name, type, latest.content().pkg().digest()),
                latest.content().source().duplicateKey(type));
    }
}
