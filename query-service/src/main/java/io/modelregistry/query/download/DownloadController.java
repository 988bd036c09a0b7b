package io.modelregistry.query.download;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.RecordDownload;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.download.DownloadCapability;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.download.DownloadLog;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a stored package, or one aspect of it ({@code aspect=weights|card|config|code|datasets}), to whoever
 * holds a valid signed link (the automated client fetches {@code download_url} without a token; the link grants
 * the package, so it grants each part of it too). The zip is assembled as a stream from the blobs
 * ({@link PackageZip}): {@code Content-Length} and the {@code ETag} are known before the first byte, and a
 * single {@code Range} (with {@code If-Range}) resumes a cut download. The download is recorded as a durable event
 * before the bytes go out, but the bytes do not wait for the read models to apply it: the log is marked instead,
 * and the audit read waits for the mark, so the audit trail read right after a download shows it. The query side
 * writes nothing itself: the command side records it ({@link DownloadLog}), without touching the artifact's
 * aggregate, so downloads never contend with writes. A {@code HEAD} request answers the headers and records nothing.
 */
@RestController
class DownloadController {

    private final DownloadLinkSigner links;
    private final ArtifactDirectory directory;
    private final PackageContents packages;
    private final DownloadLog downloads;
    private final ReadModelBarrier readModels;

    DownloadController(DownloadLinkSigner links, ArtifactDirectory directory, PackageContents packages,
                       DownloadLog downloads, ReadModelBarrier readModels) {
        this.links = links;
        this.directory = directory;
        this.packages = packages;
        this.downloads = downloads;
        this.readModels = readModels;
    }

    @GetMapping("/download/{id}")
    void download(@PathVariable("id") String id, @RequestParam(name = "d", required = false) String digest,
                  @RequestParam(name = "u", required = false) String user,
                  @RequestParam(name = "a", required = false) String admin,
                  @RequestParam(name = "e", required = false) String expires,
                  @RequestParam(name = "s", required = false) String signature,
                  @RequestParam(name = "aspect", required = false) String aspectName,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        DownloadCapability capability = links.verify(id, digest, user, admin, expires, signature)
                .orElseThrow(() -> new RegistryException(Kind.INVALID_TOKEN,
                        "This download link is invalid or has expired; read the artifact again for a fresh link."));
        Aspect aspect = aspect(aspectName);
        // a link names one version's package; versions with the same package are served as the newest of them
        ArtifactRecord record = directory.versions(id).stream()
                .filter(r -> r.packageDigest().equals(capability.packageDigest())).findFirst()
                .orElseThrow(() -> RegistryException.notFound(
                        "This artifact was deleted or its content replaced since the link was issued."));
        PackageZip zip = packages.zip(record, aspect);
        String etag = "\"" + record.packageDigest() + (aspect == null ? "" : "-" + aspect.wireName()) + "\"";
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        ByteRange range = ByteRange.of(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE),
                etag, zip.length());
        if (range.unsatisfiable()) {
            response.setStatus(416);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + zip.length());
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"message\":\"The requested range is outside the " + zip.length()
                    + " bytes of this download.\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean head = "HEAD".equals(request.getMethod());
        if (!head) {
            downloads.record(new RecordDownload(record.id(), record.type(), record.name(), record.packageDigest(),
                    range.length(), new Actor(capability.username(), capability.admin()),
                    aspect == null ? ArtifactDownloaded.FULL : aspect.wireName(), record.version()));
            readModels.markForReaders();
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(record.name(), aspect)).build().toString());
        if (range.partial()) {
            response.setStatus(206);
            response.setHeader(HttpHeaders.CONTENT_RANGE,
                    "bytes " + range.first() + "-" + range.last() + "/" + zip.length());
        }
        response.setContentLengthLong(range.length());
        if (head || range.length() == 0) {
            return;
        }
        try (OutputStream out = response.getOutputStream()) {
            zip.writeRange(range.first(), range.last(), packages.blobs(), out);
        }
    }

    private static Aspect aspect(String name) {
        if (name == null || name.equals(ArtifactDownloaded.FULL)) {
            return null;
        }
        return Aspect.requestable(name).orElseThrow(() -> RegistryException.badRequest(
                "Unknown aspect '" + name + "': use full, weights, card, config, code or datasets."));
    }

    private static String fileName(String artifactName, Aspect aspect) {
        String safe = artifactName.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.length() > 120 ? safe.substring(0, 120) : safe) + (aspect == null ? "" : "-" + aspect.wireName())
                + ".zip";
    }
}
