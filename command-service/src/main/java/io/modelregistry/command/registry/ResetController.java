package io.modelregistry.command.registry;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.registry.ResetRegistry;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.command.auth.AuthenticationService;
import io.modelregistry.command.blob.BlobSweeper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /reset}: the caller's own token survives, so a client can reset and carry on. The blobs the reset
 * leaves unreferenced are swept before the answer (but those within the sweep's grace period).
 */
@RestController
class ResetController {

    private final CommandGateway commands;
    private final AuthenticationService auth;
    private final ReadModelBarrier readModels;
    private final BlobSweeper blobs;

    ResetController(CommandGateway commands, AuthenticationService auth, ReadModelBarrier readModels,
                    BlobSweeper blobs) {
        this.commands = commands;
        this.auth = auth;
        this.readModels = readModels;
        this.blobs = blobs;
    }

    @Requires(Access.ADMIN)
    @DeleteMapping("/reset")
    ResponseEntity<Void> reset(@RequestAttribute(RequestActor.ATTRIBUTE) Actor actor,
                               @RequestHeader(name = RequestActor.TOKEN_HEADER, required = false) String token) {
        commands.sendAndWait(new ResetRegistry(actor, auth.tokenHash(token).orElse(null)));
        readModels.awaitCaughtUp();
        // nothing is referenced any more: every blob past the grace period goes (a failed sweep is retried later)
        blobs.sweepQuietly("after a reset");
        return ResponseEntity.ok().build();
    }
}
