package io.modelregistry.command.ingest;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.RepoPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import io.modelregistry.command.weights.PackageWeightsScanner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Stores an ingested source as a package: every stored file is one blob in the content-addressed store (the
 * same bytes in another artifact or version are the same blob, stored once), {@value RepoPaths#MANIFEST} (source
 * url, kind, repo id, revisions, fetch time, every listed file with size, hash and whether it is stored) is one
 * more, and a {@link PackageManifest} naming them all (path, size, sha-256, CRC-32, aspect) is the blob whose
 * digest is the package's. Each blob is durable before {@link BlobStore#put} returns, the manifest last, so when
 * this returns every byte the package names is durable. A download is assembled from these blobs as a zip.
 */
@Component("ingestBundleWriter")
final class BundleWriter {

    private final BlobStore blobs;
    private final PackageWeightsScanner weights;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    BundleWriter(BlobStore blobs, PackageWeightsScanner weights) {
        this(blobs, weights, Clock.systemUTC());
    }

    BundleWriter(BlobStore blobs) {
        this(blobs, PackageWeightsScanner.withDefaults(blobs), Clock.systemUTC());
    }

    BundleWriter(BlobStore blobs, PackageWeightsScanner weights, Clock clock) {
        this.blobs = blobs;
        this.weights = weights;
        this.clock = clock;
    }

    StoredPackage store(String sourceUrl, SourceRef requested, FetchedSource fetched) {
        Instant fetchedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] provenance = manifest(sourceUrl, requested, fetched, fetchedAt);
        try {
            List<PackageManifest.Entry> entries = new ArrayList<>();
            entries.add(storeFile(RepoPaths.MANIFEST, provenance));
            for (Map.Entry<String, byte[]> file : fetched.storedFiles().entrySet()) {
                if (!RepoPaths.isStorable(file.getKey())) {
                    throw new IllegalStateException("unsafe package path reached the writer");
                }
                entries.add(storeFile(file.getKey(), file.getValue()));
            }
            for (VerifiedFiles.StoredFile file : fetched.streamedFiles()) {
                entries.add(new PackageManifest.Entry(file.path(), file.size(), file.sha256(), file.crc32(),
                        Aspect.of(file.path())));
            }
            SourceRef source = fetched.source();
            for (PackageFile file : fetched.remoteFiles()) {
                // fetched from the hub at this commit by the first download that needs it (pull-through)
                entries.add(PackageManifest.Entry.remote(file.path(), file.sizeBytes(),
                        file.contentHash().substring("sha256:".length()).toLowerCase(java.util.Locale.ROOT),
                        Aspect.of(file.path()), new PackageManifest.Remote(source.kind(), source.repoId(),
                                source.revision(), file.path())));
            }
            PackageManifest manifest = new PackageManifest(entries);
            BlobStore.StoredBlob stored = blobs.put(new ByteArrayInputStream(manifest.encode()));
            long storedBytes = manifest.stored().stream().mapToLong(PackageManifest.Entry::size).sum();
            // scanned on the stored bytes, before the event that registers the package (which carries the scan)
            return new StoredPackage(stored.digest(), storedBytes, fetched.declaredBytes(), fetched.files(),
                    weights.scan(manifest));
        } catch (IOException e) {
            throw ErrorMessage.INGEST_PACKAGE_COULD_STORED.exceptionCausedBy(e);
        }
    }

    private PackageManifest.Entry storeFile(String path, byte[] content) throws IOException {
        BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(content));
        CRC32 crc = new CRC32();
        crc.update(content);
        return new PackageManifest.Entry(path, blob.sizeBytes(), blob.digest(), crc.getValue(), Aspect.of(path));
    }

    private byte[] manifest(String sourceUrl, SourceRef requested, FetchedSource fetched, Instant fetchedAt) {
        SourceRef source = fetched.source();
        ObjectNode root = json.createObjectNode();
        root.put("format", 1);
        root.put("source_url", sourceUrl);
        root.put("kind", source.kind().name());
        root.put("repo_id", source.repoId());
        root.put("requested_revision", requested.revision());
        root.put("revision", source.revision());
        root.put("sub_path", source.subPath());
        root.put("canonical_url", source.canonicalUrl());
        root.put("fetched_at", fetchedAt.toString());
        root.put("declared_bytes", fetched.declaredBytes());
        root.put("licence", fetched.licence());
        root.put("note", fetched.note());
        ArrayNode files = root.putArray("files");
        for (PackageFile file : fetched.files()) {
            files.addObject()
                    .put("path", file.path())
                    .put("size", file.sizeBytes())
                    .put("hash", file.contentHash())
                    .put("stored", file.stored())
                    .put("fetched_on_download", fetched.remoteFiles().stream()
                            .anyMatch(remote -> remote.path().equals(file.path())))
                    .put("aspect", file.aspect().wireName());
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the bundle manifest", e);
        }
    }
}
