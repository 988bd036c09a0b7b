package io.modelregistry.query.download;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.ProducedErrors;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.auth.DownloadGrants;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.download.DownloadCapability;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.download.DownloadLog;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a stored package, or one aspect of it ({@code aspect=weights|card|config|code|datasets}), to whoever
 * holds a valid signed link (the automated client fetches {@code download_url} without a token; the link grants
 * the package, so it grants each part of it too, and a model's {@code datasets} aspect also holds the datasets
 * its lineage links to, see {@link LinkedDatasets}). The zip is assembled as a stream from the blobs
 * ({@link PackageZip}): {@code Content-Length} and the {@code ETag} are known before the first byte, and a
 * single {@code Range} (with {@code If-Range}) resumes a cut download. The download is recorded as a durable event
 * before the bytes go out, but the bytes do not wait for the read models to apply it: the log is marked instead,
 * and the audit read waits for the mark, so the audit trail read right after a download shows it. The query side
 * writes nothing itself: the command side records it ({@link DownloadLog}), without touching the artifact's
 * aggregate, so downloads never contend with writes. A {@code HEAD} request answers the headers and records nothing.
 * Bytes are served only through the {@link DownloadGate}, which runs a sensitive model's monitor program first and
 * records the download, allowed or refused, before any byte (a range that resumes a download is vetted again).
 * When the blob store is configured to redirect (S3 with {@code registry.blob-store.s3.download=redirect}) a
 * download whose bytes are exactly one stored blob is recorded and then answered with a 302 to a short-lived
 * presigned URL; a zip assembled from several blobs cannot be one presigned object and is always streamed.
 * A link works only while the user it names exists and holds {@code download} ({@link DownloadGrants}): removing the
 * user or the permission ends its links at once, not when they expire.
 */
@RestController
class DownloadController {

    private final DownloadLinkSigner links;
    private final ArtifactDirectory directory;
    private final DownloadGate gate;
    private final DownloadGrants grants;

    DownloadController(DownloadLinkSigner links, ArtifactDirectory directory, DownloadGate gate, DownloadGrants grants) {
        this.links = links;
        this.directory = directory;
        this.gate = gate;
        this.grants = grants;
    }

    @Requires(Access.PUBLIC)
    @GetMapping("/download/{id}")
    void download(@PathVariable("id") String id, @RequestParam(name = "d", required = false) String digest,
                  @RequestParam(name = "u", required = false) String user,
                  @RequestParam(name = "a", required = false) String admin,
                  @RequestParam(name = "e", required = false) String expires,
                  @RequestParam(name = "s", required = false) String signature,
                  @RequestParam(name = "aspect", required = false) String aspectName,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadCapability capability = links.verify(id, digest, user, admin, expires, signature)
                .orElseThrow(() -> ErrorMessage.DOWNLOAD_DOWNLOAD_LINK_INVALID_EXPIRED.exception());
        // the link outlives the token it was read with: its user must still exist and still hold 'download'
        if (!grants.mayDownload(capability.username())) {
            throw ErrorMessage.DOWNLOAD_DOWNLOAD_LINK_ISSUED_USER.exception();
        }
        Aspect aspect = aspect(aspectName);
        // a link names one version's package; versions with the same package are served as the newest of them
        ArtifactRecord record = directory.versions(id).stream()
                .filter(r -> r.packageDigest().equals(capability.packageDigest())).findFirst()
                .orElseThrow(() -> ErrorMessage.DOWNLOAD_ARTIFACT_DELETED_CONTENT_REPLACED.exception());
        DownloadGate.Prepared prepared = gate.prepare(record, aspect);
        String etag = prepared.etag();
        long length = prepared.length();
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        ByteRange range = ByteRange.of(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE),
                etag, length);
        if (range.unsatisfiable()) {
            response.setStatus(416);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
            response.setContentType("application/json");
            ProducedErrors.record(ErrorMessage.DOWNLOAD_RANGE_NOT_SATISFIABLE);
            response.getOutputStream().write(("{\"message\":\"" + ErrorMessage.DOWNLOAD_RANGE_NOT_SATISFIABLE.render(length)
                    + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean head = "HEAD".equals(request.getMethod());
        DownloadGate.Cleared cleared = null;
        if (!head) {
            try {
                // the monitor of a sensitive model runs here, on the whole zip this range belongs to
                cleared = gate.clear(prepared, new Actor(capability.username(), capability.admin()), range.length());
            } catch (RuntimeException e) {
                response.reset(); // nothing sent: the error handler answers with the refusal alone
                throw e;
            }
        }
        // a store in redirect mode offloads a download that is exactly one blob; an assembled zip is always streamed
        Optional<URI> redirect = cleared == null ? Optional.empty() : cleared.redirect();
        if (redirect.isPresent()) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader(HttpHeaders.LOCATION, redirect.get().toString());
            response.setContentLength(0);
            return;
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(record.name(), aspect)).build().toString());
        if (range.partial()) {
            response.setStatus(206);
            response.setHeader(HttpHeaders.CONTENT_RANGE,
                    "bytes " + range.first() + "-" + range.last() + "/" + length);
        }
        response.setContentLengthLong(range.length());
        if (head || range.length() == 0) {
            return;
        }
        if (cleared.sendAsFile(request, range.first(), range.last())) {
            return; // the container sends the file zero-copy once this returns; the download is recorded already
        }
        OutputStream out = response.getOutputStream();
        try {
            cleared.writeRange(range.first(), range.last(), out);
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset(); // nothing sent yet: the error handler answers cleanly (502 for a failed fetch)
                throw e;
            }
            // The status and Content-Length are out: ending the body short could read as a complete zip to a careless
            // client, so the connection is closed instead (the container does that for an exception escaping here).
            throw new DownloadInterrupted(e);
        }
        out.close();
    }

    /** Lets the exception reach the container, which closes a committed response's connection at once. */
    @ExceptionHandler(DownloadInterrupted.class)
    void interrupted(DownloadInterrupted e) {
        throw e;
    }

    /** A download that failed after its first bytes were sent (a remote file's fetch failed midway). */
    static final class DownloadInterrupted extends RuntimeException {
        DownloadInterrupted(Throwable cause) {
            super("download interrupted after its headers were sent", cause);
        }
    }

    private static Aspect aspect(String name) {
        if (name == null || name.equals(ArtifactDownloaded.FULL)) {
            return null;
        }
        return Aspect.requestable(name).orElseThrow(() -> ErrorMessage.DOWNLOAD_UNKNOWN_ASPECT_USE_FULL.exception(name));
    }

    private static String fileName(String artifactName, Aspect aspect) {
        String safe = artifactName.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.length() > 120 ? safe.substring(0, 120) : safe) + (aspect == null ? "" : "-" + aspect.wireName())
                + ".zip";
    }
}
