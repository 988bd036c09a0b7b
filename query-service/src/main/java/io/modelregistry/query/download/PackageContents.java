package io.modelregistry.query.download;

import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * What a download of an artifact is made of. A package's digest names its {@link PackageManifest} blob; a package
 * stored before manifests existed is one bundle zip, recognised by its first bytes, served whole as it was
 * stored (it has no aspects: its weights were never stored).
 */
@Component
class PackageContents {

    /** A manifest of {@value PackageManifest#MAX_ENTRIES} entries with long paths stays well below this. */
    private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

    private final BlobStore blobs;

    PackageContents(BlobStore blobs) {
        this.blobs = blobs;
    }

    BlobStore blobs() {
        return blobs;
    }

    /** @param aspect the part asked for, or null for the full package */
    PackageZip zip(ArtifactRecord record, Aspect aspect) {
        String digest = record.packageDigest();
        try {
            long size = blobs.size(digest).orElseThrow(() -> missing(record));
            byte[] start;
            try (InputStream in = blobs.open(digest).orElseThrow(() -> missing(record))) {
                start = in.readNBytes(PackageManifest.HEADER.length());
            }
            if (!PackageManifest.looksLikeManifest(start)) {
                if (aspect != null) {
                    throw RegistryException.badRequest("The package of artifact " + record.id() + " was stored before"
                            + " packages had aspects; download it in full, or update the artifact to store it anew.");
                }
                return PackageZip.ofStoredZip(digest, size);
            }
            if (size > MAX_MANIFEST_BYTES) {
                throw new RegistryException(Kind.INTERNAL, "The package manifest of artifact " + record.id()
                        + " is larger than any this registry writes.");
            }
            byte[] encoded;
            try (InputStream in = blobs.open(digest).orElseThrow(() -> missing(record))) {
                encoded = in.readAllBytes();
            }
            PackageManifest manifest = PackageManifest.decode(encoded).orElseThrow(() -> new RegistryException(
                    Kind.INTERNAL, "The package manifest of artifact " + record.id() + " is malformed."));
            return PackageZip.of(manifest.select(aspect));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegistryException missing(ArtifactRecord record) {
        return new RegistryException(Kind.INTERNAL, "The stored package of artifact " + record.id() + " is missing.");
    }
}
