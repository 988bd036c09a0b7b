package io.modelregistry.query.sensitive;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.SensitiveModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension: whether a model is sensitive, with its monitor program's digest and size
 * ({@code GET /artifact/model/{id}/sensitive}), and the program's source itself
 * ({@code GET /artifact/model/{id}/monitor}), byte for byte as attached.
 */
@RestController
class SensitiveModelReadController {

    private final ArtifactDirectory directory;
    private final SensitiveModels guards;
    private final BlobStore blobs;

    SensitiveModelReadController(ArtifactDirectory directory, SensitiveModels guards, BlobStore blobs) {
        this.directory = directory;
        this.guards = guards;
        this.blobs = blobs;
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/model/{id}/sensitive", produces = "application/json")
    Map<String, Object> sensitivity(@PathVariable("id") String idParam) {
        ArtifactRecord model = model(idParam);
        return ModelGuard.body(model.id(), model.name(), guards.guard(model.id()).orElse(null));
    }

    @Requires(Access.UPLOAD)
    @GetMapping(path = "/artifact/model/{id}/monitor")
    ResponseEntity<byte[]> program(@PathVariable("id") String idParam) {
        ArtifactRecord model = model(idParam);
        ModelGuard.Program program = guards.guard(model.id()).map(ModelGuard::program).orElseThrow(() ->
                ErrorMessage.SENSITIVE_MODEL_MONITOR_PROGRAM.exception(model.id()));
        byte[] bytes;
        try (InputStream in = blobs.open(program.sha256()).orElseThrow(() -> ErrorMessage.SENSITIVE_MONITOR_PROGRAM_MISSING_BLOB.exception())) {
            bytes = in.readNBytes(ModelGuard.MAX_PROGRAM_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read monitor program " + program.sha256(), e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.ETAG, "\"" + program.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(bytes);
    }

    private ArtifactRecord model(String idParam) {
        String id = ArtifactIdentifiers.id(idParam);
        return directory.find(id).filter(r -> r.type() == ArtifactType.MODEL)
                .orElseThrow(() -> ErrorMessage.ARTIFACT_NO_MODEL_WITH_ID.exception(id));
    }
}
