package io.modelregistry.api.artifact;

import java.util.List;

/**
 * The bundle stored for an artifact: a zip in the content-addressed blob store ({@code digest} is its
 * sha-256), plus the listing of every file the source declares. {@code declaredBytes} is the sum of the
 * listing: what a full download of the source costs, even for files not stored in the bundle.
 */
public record StoredPackage(String digest, long bundleBytes, long declaredBytes, List<PackageFile> files) {
    public StoredPackage {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
