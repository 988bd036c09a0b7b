package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.group.GroupMember;
import io.modelregistry.api.group.StagedCommand;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The artifact commands a group transaction holds: prepared here exactly as the single-command endpoints prepare
 * them (same checks, same errors; an ingest is fetched, stored and rated now), and applied later, all of them inside
 * one unit of work, by {@link #apply}. Applying checks again what may have changed since (the artifact still
 * live, the source still free), and the aggregate decides as for a single command.
 */
@Component
public class ArtifactTransactions {

    private final ArtifactRegistration registration;
    private final ArtifactUpdate update;
    private final ArtifactClaims claims;
    private final ArtifactCommandHandler handler;

    ArtifactTransactions(ArtifactRegistration registration, ArtifactUpdate update, ArtifactClaims claims,
                         ArtifactCommandHandler handler) {
        this.registration = registration;
        this.update = update;
        this.claims = claims;
        this.handler = handler;
    }

    public StagedCommand stageIngest(ArtifactType type, JsonNode body, Actor actor) {
        var prepared = registration.prepare(type, ArtifactRequests.ingest(body), actor);
        return new StagedCommand(StagedCommand.Kind.INGEST, prepared.registered().id(), type,
                prepared.registered().name(), prepared.sourceKey(), prepared.command(), null, null, null);
    }

    public StagedCommand stageUpdate(ArtifactType type, String id, JsonNode body, Actor actor) {
        var prepared = update.prepare(type, id, ArtifactRequests.update(body), actor);
        return new StagedCommand(StagedCommand.Kind.UPDATE, id, type, prepared.update().name(),
                prepared.update().content().source().duplicateKey(type), null, prepared.update(),
                prepared.rating(), null);
    }

    public StagedCommand stageDelete(ArtifactType type, String id, Actor actor) {
        String name = claims.liveName(id, type).orElseThrow(() -> ArtifactDeletion.missing(type, id));
        return new StagedCommand(StagedCommand.Kind.DELETE, id, type, name, null, null, null, null,
                new DeleteArtifact(id, type, actor));
    }

    /** Applies one staged command in the current unit of work; the group's commit appends them all or none. */
    public GroupMember apply(StagedCommand command) {
        return switch (command.kind()) {
            case UPLOAD, INGEST -> handler.registerInGroup(command.register());
            case UPDATE -> {
                requireLive(command);
                yield handler.updateInGroup(command.update(), Optional.ofNullable(command.rating()));
            }
            case DELETE -> {
                requireLive(command);
                yield handler.deleteInGroup(command.delete());
            }
        };
    }

    private void requireLive(StagedCommand command) {
        String name = claims.liveName(command.artifactId(), command.type())
                .orElseThrow(() -> ArtifactDeletion.missing(command.type(), command.artifactId()));
        if (!name.equals(command.name())) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_RENAMED_SINCE_COMMAND.exception(command.artifactId());
        }
    }
}
