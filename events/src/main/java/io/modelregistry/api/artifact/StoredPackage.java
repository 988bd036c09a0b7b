package io.modelregistry.api.artifact;

import java.util.List;

/**
 * The package stored for an artifact, plus the listing of every file the source declares. {@code digest} names the
 * package's {@link PackageManifest} blob (each stored file one blob; a download zip is assembled from them), and
 * {@code bundleBytes} is the sum of the stored files' sizes. Packages stored before manifests existed name one
 * bundle zip instead, and {@code bundleBytes} is its size; readers tell them apart by the blob's first bytes.
 * {@code declaredBytes} is the sum of the listing: what a full download of the source costs, even for files not
 * stored.
 */
public record StoredPackage(String digest, long bundleBytes, long declaredBytes, List<PackageFile> files) {
    public StoredPackage {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
