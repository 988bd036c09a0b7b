package io.modelregistry.command.upload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactEnvelope;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Uploads over HTTP (extensions, see openapi/registry-extensions.yaml): the zip as the raw body
 * ({@code application/zip} or {@code application/octet-stream}) or as the {@code file} part of a
 * {@code multipart/form-data} body; {@code name} and {@code version} as query parameters or form fields. The body
 * goes to a spool file as it arrives (multipart parts too: the container writes them to the spool directory with no
 * in-memory threshold), is checked and stored from there, and the file is deleted when the request ends.
 */
@RestController
class UploadController {

    private final ArtifactUpload uploads;
    private final UploadSpool spool;
    private final DownloadLinkSigner links;

    UploadController(ArtifactUpload uploads, UploadSpool spool, DownloadLinkSigner links) {
        this.uploads = uploads;
        this.spool = spool;
        this.links = links;
    }

    @Requires(Access.UPLOAD)
    @PostMapping(path = "/artifact/{artifact_type}/upload", produces = "application/json")
    ResponseEntity<ArtifactEnvelope> upload(@PathVariable("artifact_type") String typeParam, HttpServletRequest request,
                                            @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String name = ArtifactUpload.checkedName(request.getParameter("name"));
        String version = UploadSource.version(request.getParameter("version"));
        uploads.refuseDuplicate(type, name);
        Path zip = receive(request);
        try {
            var uploaded = uploads.upload(type, name, version, zip, actor);
            String downloadUrl = links.link(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
                    uploaded.id(), uploaded.packageDigest(), actor.username(), actor.admin());
            return ResponseEntity.status(HttpStatus.CREATED).body(new ArtifactEnvelope(
                    ArtifactEnvelope.Metadata.of(uploaded.name(), uploaded.id(), type),
                    new ArtifactEnvelope.Data(uploaded.sourceUrl(), downloadUrl)));
        } finally {
            delete(zip);
        }
    }

    /**
     * A new version of an existing artifact from a zip. {@code consumes} keeps this apart from any JSON endpoint on the
     * same path.
     */
    @Requires(Access.UPLOAD)
    @PostMapping(path = "/artifacts/{artifact_type}/{id}/versions", produces = "application/json",
            consumes = {"application/zip", "application/octet-stream", "application/x-zip-compressed",
                    "multipart/form-data"})
    ResponseEntity<ArtifactEnvelope> uploadVersion(@PathVariable("artifact_type") String typeParam,
                                                   @PathVariable("id") String idParam, HttpServletRequest request,
                                                   @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String id = ArtifactIdentifiers.id(idParam);
        if (request.getParameter("version") == null || request.getParameter("version").isBlank()) {
            throw ErrorMessage.UPLOAD_NAME_NEW_VERSION_VERSION.exception();
        }
        String version = UploadSource.version(request.getParameter("version"));
        uploads.liveName(type, id);
        Path zip = receive(request);
        try {
            var uploaded = uploads.addVersion(type, id, version, zip, actor);
            String downloadUrl = links.link(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
                    uploaded.id(), uploaded.packageDigest(), actor.username(), actor.admin());
            return ResponseEntity.status(HttpStatus.CREATED).body(new ArtifactEnvelope(
                    ArtifactEnvelope.Metadata.of(uploaded.name(), uploaded.id(), type),
                    new ArtifactEnvelope.Data(uploaded.sourceUrl(), downloadUrl)));
        } finally {
            delete(zip);
        }
    }

    /** The zip as a spool file: the multipart {@code file} part, or the raw body. */
    private Path receive(HttpServletRequest request) {
        return receive(request, spool);
    }

    /** The zip of {@code request} as a spool file (the caller deletes it). */
    static Path receive(HttpServletRequest request, UploadSpool spool) {
        if (request.getContentLengthLong() > spool.maxBytes() + MULTIPART_OVERHEAD) {
            throw UploadSpool.tooLarge(spool.maxBytes());
        }
        try {
            if (request instanceof MultipartHttpServletRequest multipart) {
                MultipartFile file = multipart.getFile("file");
                if (file == null) {
                    throw ErrorMessage.UPLOAD_MULTIPART_UPLOAD_NEEDS_ZIP.exception();
                }
                if (file.getSize() > spool.maxBytes()) {
                    throw UploadSpool.tooLarge(spool.maxBytes());
                }
                Path target = spool.newFile();
                // the container already wrote the part into the spool directory: this is a rename, not a copy
                file.transferTo(new File(target.toString()));
                return target;
            }
            String contentType = request.getContentType() == null ? ""
                    : request.getContentType().toLowerCase(Locale.ROOT);
            if (!contentType.startsWith("application/zip") && !contentType.startsWith("application/octet-stream")
                    && !contentType.startsWith("application/x-zip-compressed")) {
                throw ErrorMessage.UPLOAD_SEND_ZIP_BODY_CONTENT.exception();
            }
            if (request.getContentLengthLong() > spool.maxBytes()) {
                throw UploadSpool.tooLarge(spool.maxBytes());
            }
            return spool.receive(request.getInputStream());
        } catch (IOException e) {
            throw ErrorMessage.UPLOAD_UPLOAD_COULD_READ_END.exception();
        }
    }

    /** Room for a multipart body's boundaries, headers and form fields around the zip. */
    static final long MULTIPART_OVERHEAD = 1024 * 1024;

    static void delete(Path zip) {
        try {
            Files.deleteIfExists(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
