package io.modelregistry.command.artifact;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.DeleteArtifact;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** The delete use case: a live artifact of that type is deleted, and the read models forget it before the answer. */
@Service
class ArtifactDeletion {

    private final ArtifactClaims claims;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;

    ArtifactDeletion(ArtifactClaims claims, CommandGateway commands, ReadModelBarrier readModels) {
        this.claims = claims;
        this.commands = commands;
        this.readModels = readModels;
    }

    void delete(ArtifactType type, String id, Actor actor) {
        claims.liveName(id, type).orElseThrow(() -> missing(type, id));
        commands.sendAndWait(new DeleteArtifact(id, type, actor));
        readModels.awaitCaughtUp();
    }

    static RegistryException missing(ArtifactType type, String id) {
        return ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.exception(type.wireName(), id);
    }
}
