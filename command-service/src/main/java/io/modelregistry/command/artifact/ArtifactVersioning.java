package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.AddArtifactVersion;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.AddRatedModelVersion;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingTrigger;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.rating.ModelRatings;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Adding a version to a registered artifact, for any feature that produces content (an upload, a new tag): the
 * version is checked before anything is sent (400 for a non-semver version, 404 for an unknown artifact), the
 * aggregate decides atomically (409 when the artifact already has that version), and the call returns once the read
 * models have it, as registration does. The content's package must already be durable (blob first, event second).
 */
@Service
public class ArtifactVersioning {

    private final ArtifactClaims claims;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;

    ArtifactVersioning(ArtifactClaims claims, ModelRatings ratings, CommandGateway commands,
                       ReadModelBarrier readModels) {
        this.claims = claims;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
    }

    /** What was added: the artifact and the normalised version. */
    public record AddedVersion(String id, String name, ArtifactType type, String version, String packageDigest) {
    }

    /**
     * Adds {@code content} as the version {@code content.version()} names. A model's {@code rating}, when given, is
     * recorded in the same decision (never a model version without its rating if one was computed); datasets and
     * code take none (a rating for them is a 400 and nothing is added).
     */
    public AddedVersion addVersion(ArtifactType type, String id, ArtifactContent content,
                                   Optional<RatingOutcome> rating, Actor actor) {
        String version = SemanticVersions.normalise(content.version());
        String name = claims.liveName(id, type).orElseThrow(() -> ArtifactDeletion.missing(type, id));
        if (rating.isPresent() && type != ArtifactType.MODEL) {
            throw ErrorMessage.ARTIFACT_MODELS_RATED_ARTIFACT.exception(id, type.wireName());
        }
        var addition = new AddArtifactVersion(id, type, name, content.withVersion(version), actor);
        if (rating.isPresent()) {
            commands.sendAndWait(new AddRatedModelVersion(addition, rating.get()));
        } else {
            commands.sendAndWait(addition);
        }
        readModels.awaitCaughtUp();
        return new AddedVersion(id, name, type, version, content.pkg().digest());
    }

    /**
     * As {@link #addVersion(ArtifactType, String, ArtifactContent, Optional, Actor)}, rating a model's content
     * first (outside any lock: the hubs may take a while). The rating is recorded, not enforced: an added version
     * is not refused by the ingest gate, as an update is not.
     */
    public AddedVersion addRatedVersion(ArtifactType type, String id, ArtifactContent content,
                                        ArtifactDocuments documents, Actor actor) {
        String version = SemanticVersions.normalise(content.version());
        String name = claims.liveName(id, type).orElseThrow(() -> ArtifactDeletion.missing(type, id));
        Optional<RatingOutcome> rating = type == ArtifactType.MODEL
                ? Optional.of(ratings.rate(id, name, content.withVersion(version), documents, RatingTrigger.INGEST))
                : Optional.empty();
        return addVersion(type, id, content.withVersion(version), rating, actor);
    }
}
