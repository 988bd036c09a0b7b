package io.modelregistry.query.download;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.PullThrough;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a download of an artifact is made of. A package's digest names its {@link PackageManifest} blob; a package
 * stored before manifests existed is one bundle zip, recognised by its first bytes, served whole as it was
 * stored (it has no aspects: its weights were never stored).
 *
 * <p>A remote entry (a file above the eager limit, listed but not stored at ingest) is fetched through the
 * {@link PullThrough} port the first time a download reaches it; its CRC-32, which its zip headers need and the
 * manifest cannot know, is remembered here (bounded) so later downloads do not read the blob to compute it again.
 */
@Component
class PackageContents {

    /** A manifest of {@value PackageManifest#MAX_ENTRIES} entries with long paths stays well below this. */
    private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

    /** CRCs of fetched remote entries remembered; beyond it the least recently used is forgotten (recomputed). */
    private static final int REMEMBERED_CRCS = 10_000;

    private final BlobStore blobs;
    private final PullThrough pullThrough;
    private final Map<String, Long> remoteCrcs = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_CRCS;
        }
    };

    PackageContents(BlobStore blobs, PullThrough pullThrough) {
        this.blobs = blobs;
        this.pullThrough = pullThrough;
    }

    BlobStore blobs() {
        return blobs;
    }

    /** Each entry's CRC-32, its bytes made stored first: a remote entry's are fetched the first time. */
    PackageZip.Bytes bytes() {
        return entry -> {
            if (!entry.isRemote()) {
                return entry.crc32();
            }
            Long known;
            synchronized (remoteCrcs) {
                known = remoteCrcs.get(entry.sha256());
            }
            if (known != null && blobs.size(entry.sha256()).isPresent()) {
                return known;
            }
            long crc = pullThrough.ensureStored(entry).crc32();
            synchronized (remoteCrcs) {
                remoteCrcs.put(entry.sha256(), crc);
            }
            return crc;
        };
    }

    /** @param aspect the part asked for, or null for the full package */
    PackageZip zip(ArtifactRecord record, Aspect aspect) {
        Optional<PackageManifest> manifest = manifest(record);
        if (manifest.isEmpty()) {
            if (aspect != null) {
                throw ErrorMessage.DOWNLOAD_PACKAGE_ARTIFACT_STORED_BEFORE.exception(record.id());
            }
            String digest = record.packageDigest();
            try {
                return PackageZip.ofStoredZip(digest, blobs.size(digest).orElseThrow(() -> missing(record)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return PackageZip.of(manifest.get().select(aspect));
    }

    /** The package's manifest; empty for a package stored before manifests existed (one bundle zip). */
    Optional<PackageManifest> manifest(ArtifactRecord record) {
        String digest = record.packageDigest();
        try {
            long size = blobs.size(digest).orElseThrow(() -> missing(record));
            byte[] start;
            try (InputStream in = blobs.open(digest, 0, PackageManifest.HEADER.length())
                    .orElseThrow(() -> missing(record))) {
                start = in.readNBytes(PackageManifest.HEADER.length());
            }
            if (!PackageManifest.looksLikeManifest(start)) {
                return Optional.empty();
            }
            if (size > MAX_MANIFEST_BYTES) {
                throw ErrorMessage.DOWNLOAD_PACKAGE_MANIFEST_ARTIFACT_LARGER.exception(record.id());
            }
            byte[] encoded;
            try (InputStream in = blobs.open(digest).orElseThrow(() -> missing(record))) {
                encoded = in.readAllBytes();
            }
            return Optional.of(PackageManifest.decode(encoded).orElseThrow(() -> ErrorMessage.DOWNLOAD_PACKAGE_MANIFEST_ARTIFACT_MALFORMED.exception(record.id())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegistryException missing(ArtifactRecord record) {
        return ErrorMessage.DOWNLOAD_STORED_PACKAGE_ARTIFACT_MISSING.exception(record.id());
    }
}
