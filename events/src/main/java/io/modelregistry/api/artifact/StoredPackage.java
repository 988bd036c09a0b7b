package io.modelregistry.api.artifact;

import java.util.List;

/**
 * The package stored for an artifact, plus the listing of every file the source declares. {@code digest} names the
 * package's {@link PackageManifest} blob (each stored file one blob; a download zip is assembled from them), and
 * {@code bundleBytes} is the sum of the stored files' sizes. Packages stored before manifests existed name one
 * bundle zip instead, and {@code bundleBytes} is its size; readers tell them apart by the blob's first bytes.
 * {@code declaredBytes} is the sum of the listing: what a full download of the source costs, even for files not
 * stored. {@code weightsScan} is what the scan of its pickle-based weights files found when it was stored (an
 * optional field: null for packages stored before scans existed, which no revision needs).
 */
public record StoredPackage(String digest, long bundleBytes, long declaredBytes, List<PackageFile> files,
                            WeightsScan weightsScan) {
    public StoredPackage {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public StoredPackage(String digest, long bundleBytes, long declaredBytes, List<PackageFile> files) {
        this(digest, bundleBytes, declaredBytes, files, null);
    }

    /** The same package with the scan of its pickle-based weights files. */
    public StoredPackage withWeightsScan(WeightsScan scan) {
        return new StoredPackage(digest, bundleBytes, declaredBytes, files, scan);
    }
}
