package io.modelregistry.query.download;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.download.DownloadCapability;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a stored bundle to whoever holds a valid signed link (the automated client fetches
 * {@code download_url} without a token). The download is recorded as an event before the bytes go out, so
 * the audit trail read right after a download shows it; it is appended without touching the artifact's
 * aggregate, so downloads never contend with writes.
 */
@RestController
class DownloadController {

    private final DownloadLinkSigner links;
    private final ArtifactDirectory directory;
    private final BlobStore blobs;
    private final EventGateway events;
    private final ReadModelBarrier readModels;
    private final Clock clock;

    DownloadController(DownloadLinkSigner links, ArtifactDirectory directory, BlobStore blobs, EventGateway events,
                       ReadModelBarrier readModels, Clock clock) {
        this.links = links;
        this.directory = directory;
        this.blobs = blobs;
        this.events = events;
        this.readModels = readModels;
        this.clock = clock;
    }

    @GetMapping("/download/{id}")
    void download(@PathVariable("id") String id, @RequestParam(name = "d", required = false) String digest,
                  @RequestParam(name = "u", required = false) String user,
                  @RequestParam(name = "a", required = false) String admin,
                  @RequestParam(name = "e", required = false) String expires,
                  @RequestParam(name = "s", required = false) String signature,
                  HttpServletResponse response) throws IOException {
        DownloadCapability capability = links.verify(id, digest, user, admin, expires, signature)
                .orElseThrow(() -> new RegistryException(Kind.INVALID_TOKEN,
                        "This download link is invalid or has expired; read the artifact again for a fresh link."));
        ArtifactRecord record = directory.find(id)
                .filter(r -> r.packageDigest().equals(capability.packageDigest()))
                .orElseThrow(() -> RegistryException.notFound(
                        "This artifact was deleted or its content replaced since the link was issued."));
        long size = blobs.size(record.packageDigest()).orElseThrow(() -> new RegistryException(Kind.INTERNAL,
                "The stored package of artifact " + id + " is missing."));
        try (InputStream in = blobs.open(record.packageDigest()).orElseThrow(() -> new RegistryException(Kind.INTERNAL,
                "The stored package of artifact " + id + " is missing."))) {
            events.publish(new ArtifactDownloaded(record.id(), record.type(), record.name(), record.packageDigest(),
                    size, new Actor(capability.username(), capability.admin()), clock.instant()));
            readModels.awaitCaughtUp();
            response.setContentType("application/zip");
            response.setContentLengthLong(size);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(fileName(record.name())).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    private static String fileName(String artifactName) {
        String safe = artifactName.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.length() > 120 ? safe.substring(0, 120) : safe) + ".zip";
    }
}
