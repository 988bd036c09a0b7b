package io.modelregistry.command.group;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.group.GroupState;
import io.modelregistry.api.group.StagedCommand;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.command.artifact.ArtifactTransactions;
import io.modelregistry.command.upload.UploadStaging;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group transactions over HTTP (extensions, see openapi/registry-extensions.yaml): begin, append ingest, update,
 * delete (JSON) and upload (zip) commands, read, execute. Each transaction is visible to its owner only.
 */
@RestController
class GroupController {

    private final GroupTransactions groups;
    private final ArtifactTransactions artifacts;
    private final UploadStaging uploads;

    GroupController(GroupTransactions groups, ArtifactTransactions artifacts, UploadStaging uploads) {
        this.groups = groups;
        this.artifacts = artifacts;
        this.uploads = uploads;
    }

    @Requires(Access.UPLOAD)
    @PostMapping(path = "/transactions", produces = "application/json")
    ResponseEntity<Map<String, Object>> begin(@RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(groups.begin(actor)));
    }

    @Requires(Access.UPLOAD)
    @GetMapping(path = "/transactions/{id}", produces = "application/json")
    Map<String, Object> read(@PathVariable("id") String id, @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        return view(groups.describe(id, actor));
    }

    /**
     * One JSON command: {@code {"command":"ingest","type":T,"url":U,"name":N?}},
     * {@code {"command":"update","type":T,"id":I,"artifact":{metadata,data}}} or
     * {@code {"command":"delete","type":T,"id":I}}.
     */
    @Requires(Access.UPLOAD)
    @PostMapping(path = "/transactions/{id}/commands", produces = "application/json",
            consumes = "application/json")
    ResponseEntity<Map<String, Object>> append(@PathVariable("id") String id,
                                               @RequestBody(required = false) JsonNode body,
                                               @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        if (body == null || !body.isObject()) {
            throw ErrorMessage.GROUP_BODY_MUST_JSON_OBJECT.exception();
        }
        String command = text(body, "command");
        ArtifactType type = ArtifactIdentifiers.type(text(body, "type"));
        GroupState state = groups.append(id, actor, () -> switch (command) {
            case "ingest" -> artifacts.stageIngest(type, body, actor);
            case "update" -> artifacts.stageUpdate(type, ArtifactIdentifiers.id(text(body, "id")),
                    body.get("artifact"), actor);
            case "delete" -> artifacts.stageDelete(type, ArtifactIdentifiers.id(text(body, "id")), actor);
            default -> throw ErrorMessage.GROUP_UNKNOWN_COMMAND_USE_INGEST.exception(command);
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(view(state));
    }

    /** An upload: the zip as the body or the 'file' part, {@code name} and {@code version} as for a plain upload. */
    @Requires(Access.UPLOAD)
    @PostMapping(path = "/transactions/{id}/uploads/{artifact_type}", produces = "application/json")
    ResponseEntity<Map<String, Object>> upload(@PathVariable("id") String id,
                                               @PathVariable("artifact_type") String typeParam,
                                               HttpServletRequest request,
                                               @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        GroupState state = groups.append(id, actor, () -> uploads.stage(type, request, actor));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(state));
    }

    /** All commands or none; a refusal answers the refused command's status, now and on every repeat. */
    @Requires(Access.UPLOAD)
    @PostMapping(path = "/transactions/{id}/execute", produces = "application/json")
    Map<String, Object> execute(@PathVariable("id") String id,
                                @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        GroupState state = groups.execute(id, actor);
        if (GroupState.FAILED.equals(state.status())) {
            throw GroupRefused.repeated(RegistryException.Kind.valueOf(state.failureKind()), state.failureMessage());
        }
        return view(state);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw ErrorMessage.GROUP_COMMAND_NEEDS_STRING.exception(field);
        }
        return node.asText();
    }

    static Map<String, Object> view(GroupState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", state.groupId());
        view.put("owner", state.owner());
        view.put("status", state.status());
        view.put("expires_at", state.expiresAt().toString());
        List<Map<String, Object>> commands = new ArrayList<>();
        for (int i = 0; i < state.commands().size(); i++) {
            StagedCommand command = state.commands().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", i);
            entry.put("command", command.kind().wireName());
            entry.put("type", command.type().wireName());
            entry.put("id", command.artifactId());
            entry.put("name", command.name());
            commands.add(entry);
        }
        view.put("commands", commands);
        if (state.failureKind() != null) {
            view.put("failure", state.failureMessage());
        }
        return view;
    }
}
