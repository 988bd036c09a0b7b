package io.modelregistry.command.sensitive;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.BlobStore.StoredBlob;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.sensitive.AttachMonitorProgram;
import io.modelregistry.api.sensitive.ChangeModelSensitivity;
import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.RemoveMonitorProgram;
import io.modelregistry.api.sensitive.SensitiveModels;
import io.modelregistry.command.artifact.ArtifactClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension: mark a model sensitive or not ({@code PUT}/{@code DELETE /artifact/model/{id}/sensitive}), and attach,
 * replace or remove its one monitor program ({@code PUT}/{@code DELETE /artifact/model/{id}/monitor}, the body is
 * the JavaScript source, at most {@link ModelGuard#MAX_PROGRAM_BYTES}). The program's bytes go to the blob store
 * before the event that names them. Each answers once the read models have the change, so the very next download
 * is guarded by it. Reading them back is the query side's.
 */
@RestController
class SensitiveModelController {

    private final ArtifactClaims claims;
    private final CommandGateway commands;
    private final ReadModelBarrier readModels;
    private final SensitiveModels guards;
    private final BlobStore blobs;

    SensitiveModelController(ArtifactClaims claims, CommandGateway commands, ReadModelBarrier readModels,
                             SensitiveModels guards, BlobStore blobs) {
        this.claims = claims;
        this.commands = commands;
        this.readModels = readModels;
        this.guards = guards;
        this.blobs = blobs;
    }

    @Requires(Access.UPLOAD)
    @PutMapping(path = "/artifact/model/{id}/sensitive", produces = "application/json")
    Map<String, Object> mark(@PathVariable("id") String idParam,
                             @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        return sensitivity(idParam, true, actor);
    }

    @Requires(Access.UPLOAD)
    @DeleteMapping(path = "/artifact/model/{id}/sensitive", produces = "application/json")
    Map<String, Object> unmark(@PathVariable("id") String idParam,
                               @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        return sensitivity(idParam, false, actor);
    }

    @Requires(Access.UPLOAD)
    @PutMapping(path = "/artifact/model/{id}/monitor", produces = "application/json")
    Map<String, Object> attach(@PathVariable("id") String idParam, HttpServletRequest request,
                               @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        String id = ArtifactIdentifiers.id(idParam);
        String name = liveModel(id);
        byte[] program = program(request);
        StoredBlob stored;
        try {
            stored = blobs.put(new ByteArrayInputStream(program));
        } catch (IOException e) {
            throw ErrorMessage.SENSITIVE_MONITOR_PROGRAM_COULD_STORED.exceptionCausedBy(e);
        }
        commands.sendAndWait(new AttachMonitorProgram(id, name, stored.digest(), stored.sizeBytes(), actor));
        return answer(id, name);
    }

    @Requires(Access.UPLOAD)
    @DeleteMapping(path = "/artifact/model/{id}/monitor", produces = "application/json")
    Map<String, Object> remove(@PathVariable("id") String idParam,
                               @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        String id = ArtifactIdentifiers.id(idParam);
        String name = liveModel(id);
        if (guards.guard(id).map(ModelGuard::program).isEmpty()) {
            throw ErrorMessage.SENSITIVE_MODEL_MONITOR_PROGRAM.exception(id);
        }
        commands.sendAndWait(new RemoveMonitorProgram(id, name, actor));
        return answer(id, name);
    }

    private Map<String, Object> sensitivity(String idParam, boolean sensitive, Actor actor) {
        String id = ArtifactIdentifiers.id(idParam);
        String name = liveModel(id);
        commands.sendAndWait(new ChangeModelSensitivity(id, name, sensitive, actor));
        return answer(id, name);
    }

    private Map<String, Object> answer(String id, String name) {
        readModels.awaitCaughtUp();
        return ModelGuard.body(id, name, guards.guard(id).orElse(null));
    }

    private String liveModel(String id) {
        return claims.liveName(id, ArtifactType.MODEL)
                .orElseThrow(() -> ErrorMessage.ARTIFACT_NO_MODEL_WITH_ID.exception(id));
    }

    /** The body, bounded as it is read: a program must be non-empty UTF-8 text of at most the bound. */
    private static byte[] program(HttpServletRequest request) {
        if (request.getContentLengthLong() > ModelGuard.MAX_PROGRAM_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = request.getInputStream().readNBytes(ModelGuard.MAX_PROGRAM_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > ModelGuard.MAX_PROGRAM_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw ErrorMessage.SENSITIVE_SEND_MONITOR_PROGRAM_S.exception();
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw ErrorMessage.SENSITIVE_MONITOR_PROGRAM_MUST_JAVASCRIPT.exception();
        }
        return bytes;
    }

    private static RegistryException tooLarge() {
        return ErrorMessage.SENSITIVE_MONITOR_PROGRAM_MAY_MOST.exception(ModelGuard.MAX_PROGRAM_BYTES);
    }
}
