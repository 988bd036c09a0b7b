package io.modelregistry.command.upload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.RegisterArtifact;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RatedContent;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RegisterArtifactVersions;
import io.modelregistry.api.rating.RegisterRatedModel;
import io.modelregistry.command.artifact.ArtifactClaims;
import io.modelregistry.command.artifact.ArtifactIds;
import io.modelregistry.command.artifact.ArtifactRequests;
import io.modelregistry.command.artifact.ArtifactVersioning;
import io.modelregistry.rating.ModelRatings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload use case: refuse a name already uploaded for this type (409), check the zip (400, nothing stored),
 * store its files as blobs, rate a model (recorded, never a refusal: the ingest gate is for public models), then
 * register it with ONE command (lineage is extracted by the command handler from the stored card and config, as
 * for an ingest) and wait for the read models so the next read sees it.
 */
class ArtifactUpload {

    private static final Logger log = LoggerFactory.getLogger(ArtifactUpload.class);

    private final UploadInspector inspector;
    private final UploadStorer storer;
    private final ArtifactClaims claims;
    private final ArtifactIds ids;
    private final ModelRatings ratings;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;
    private final ArtifactVersioning versioning;

    ArtifactUpload(UploadInspector inspector, UploadStorer storer, ArtifactClaims claims, ArtifactIds ids,
                   ModelRatings ratings, CommandGateway commands, ReadModelBarrier readModels,
                   ArtifactVersioning versioning) {
        this.inspector = inspector;
        this.storer = storer;
        this.claims = claims;
        this.ids = ids;
        this.ratings = ratings;
        this.commands = commands;
        this.readModels = readModels;
        this.versioning = versioning;
    }

    record Uploaded(String id, String name, ArtifactType type, String version, String sourceUrl,
                    String packageDigest) {
    }

    /** Validates the name and version before the body is read, so a bad request costs no upload. */
    static String checkedName(String name) {
        if (name == null) {
            throw ErrorMessage.UPLOAD_NAME_UPLOAD_NAME_NAME.exception();
        }
        return ArtifactRequests.validName(name.strip());
    }

    void refuseDuplicate(ArtifactType type, String name) {
        if (claims.isClaimed(type, UploadSource.ref(name, null))) {
            throw ErrorMessage.UPLOAD_NAMED_ALREADY_BEEN_UPLOADED.exception(type.wireName(), name);
        }
    }

    /**
     * Adds {@code version} to a live artifact from an uploaded zip: checked and stored like a new upload, rated when it
     * is a model, then ONE command (the aggregate refuses a version the artifact already has: 409).
     */
    Uploaded addVersion(ArtifactType type, String artifactId, String version, Path zip, Actor actor) {
        String name = liveName(type, artifactId);
        try {
            InspectedUpload inspected = inspector.inspect(zip, type);
            UploadStorer.Stored stored = storer.store(zip, inspected, type, name, version);
            // the versions feature rates a model's content and lets the aggregate decide (409 for a known version)
            var added = versioning.addRatedVersion(type, artifactId, stored.content(), stored.documents(), actor);
            log.info("uploaded version {} of {} '{}' ({}): {} files, {} bytes, package {}", added.version(),
                    type.wireName(), name, artifactId, inspected.files().size(), inspected.totalBytes(),
                    added.packageDigest());
            return new Uploaded(artifactId, added.name(), type, added.version(), stored.content().sourceUrl(),
                    added.packageDigest());
        } catch (IOException e) {
            throw UploadStorer.failed(e);
        }
    }

    /** The artifact's name, or 404 before the body is read when no live artifact of this type has the id. */
    String liveName(ArtifactType type, String artifactId) {
        return claims.liveName(artifactId, type).orElseThrow(() -> ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.exception(type.wireName(), artifactId));
    }

    /** An upload's registration, prepared (checked, stored, rated) but not sent: for a group transaction. */
    record Prepared(RegisterArtifactVersions command, Uploaded uploaded, String sourceKey) {
    }

    Prepared prepare(ArtifactType type, String name, String version, Path zip, Actor actor) {
        refuseDuplicate(type, name);
        try {
            InspectedUpload inspected = inspector.inspect(zip, type);
            UploadStorer.Stored stored = storer.store(zip, inspected, type, name, version);
            String id = ids.next();
            RatingOutcome rating = type == ArtifactType.MODEL ? ratings.rateForIngest(name,
                    stored.content().sourceUrl(), stored.content(), stored.documents(), actor) : null;
            return new Prepared(new RegisterArtifactVersions(id, type, name,
                    List.of(new RatedContent(stored.content(), rating)), actor),
                    new Uploaded(id, name, type, version, stored.content().sourceUrl(),
                            stored.content().pkg().digest()),
                    stored.content().source().duplicateKey(type));
        } catch (IOException e) {
            throw UploadStorer.failed(e);
        }
    }

    Uploaded upload(ArtifactType type, String name, String version, Path zip, Actor actor) {
        refuseDuplicate(type, name);
        try {
            InspectedUpload inspected = inspector.inspect(zip, type);
            UploadStorer.Stored stored = storer.store(zip, inspected, type, name, version);
            String id = ids.next();
            var registration = new RegisterArtifact(id, type, name, stored.content(), actor);
            if (type == ArtifactType.MODEL) {
                var rating = ratings.rateForIngest(name, stored.content().sourceUrl(), stored.content(),
                        stored.documents(), actor);
                commands.sendAndWait(new RegisterRatedModel(registration, rating));
            } else {
                commands.sendAndWait(registration);
            }
            readModels.awaitCaughtUp();
            log.info("uploaded {} '{}' {} as {}: {} files, {} bytes, package {}", type.wireName(), name, version, id,
                    inspected.files().size(), inspected.totalBytes(), stored.content().pkg().digest());
            return new Uploaded(id, name, type, version, stored.content().sourceUrl(),
                    stored.content().pkg().digest());
        } catch (IOException e) {
            throw UploadStorer.failed(e);
        }
    }
}
