package io.modelregistry.command.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactEnvelope;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
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
 * Register, update and delete artifacts over HTTP: parses and validates the request, hands it to the use case's
 * application service ({@link ArtifactRegistration}, {@link ArtifactUpdate}, {@link ArtifactDeletion}) and
 * shapes the answer. The services answer only once the write is durable and visible to reads.
 */
@RestController
class ArtifactWriteController {

    private final ArtifactRegistration registration;
    private final ArtifactUpdate update;
    private final ArtifactDeletion deletion;
    private final DownloadLinkSigner links;

    ArtifactWriteController(ArtifactRegistration registration, ArtifactUpdate update, ArtifactDeletion deletion,
                            DownloadLinkSigner links) {
        this.registration = registration;
        this.update = update;
        this.deletion = deletion;
        this.links = links;
    }

    @Requires(Access.UPLOAD)
    @PostMapping(path = "/artifact/{artifact_type}", produces = "application/json")
    ResponseEntity<ArtifactEnvelope> register(@PathVariable("artifact_type") String typeParam,
                                              @RequestBody(required = false) JsonNode body,
                                              @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        var request = ArtifactRequests.ingest(body);
        var registered = registration.register(type, request, actor);
        String downloadUrl = links.link(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
                registered.id(), registered.packageDigest(), actor.username(), actor.admin());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ArtifactEnvelope(
                ArtifactEnvelope.Metadata.of(registered.name(), registered.id(), type),
                new ArtifactEnvelope.Data(request.url(), downloadUrl)));
    }

    @Requires(Access.UPLOAD)
    @PutMapping(path = "/artifacts/{artifact_type}/{id}")
    ResponseEntity<Void> update(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam,
                                @RequestBody(required = false) JsonNode body,
                                @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        update.update(ArtifactIdentifiers.type(typeParam), ArtifactIdentifiers.id(idParam),
                ArtifactRequests.update(body), actor);
        return ResponseEntity.ok().build();
    }

    @Requires(Access.UPLOAD)
    @DeleteMapping(path = "/artifacts/{artifact_type}/{id}")
    ResponseEntity<Void> delete(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam,
                                @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        deletion.delete(ArtifactIdentifiers.type(typeParam), ArtifactIdentifiers.id(idParam), actor);
        return ResponseEntity.ok().build();
    }
}
