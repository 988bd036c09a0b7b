package io.modelregistry.api.blob;

import io.modelregistry.api.artifact.PackageManifest;

/**
 * Fetches the bytes of a remote manifest entry (a file listed but larger than the eager limit) into the blob store
 * on the first download that needs them (port: the query side asks, the command side, which holds the hub client,
 * fetches). The bytes are verified like an ingest's (the listed size and LFS sha-256) before the blob is committed;
 * concurrent calls for the same digest fetch once, the others wait, bounded.
 */
public interface PullThrough {

    /**
     * Returns once the entry's blob is stored (at once when it already is), with the CRC-32 of its bytes.
     *
     * @throws io.modelregistry.api.error.RegistryException UPSTREAM_UNAVAILABLE when the hub does not serve the
     *         file, serves other bytes than listed (nothing is stored; a later call tries again) or is too slow
     */
    Fetched ensureStored(PackageManifest.Entry entry);

    /** @param crc32 the CRC-32 of the blob's bytes, as an unsigned 32-bit value */
    record Fetched(String digest, long size, long crc32) {
    }
}
