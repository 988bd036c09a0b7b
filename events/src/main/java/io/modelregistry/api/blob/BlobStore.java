package io.modelregistry.api.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage for package bytes (port). Blobs are immutable and named by the sha-256 of
 * their content; a blob is durable before {@link #put} returns, so an event may reference it afterwards.
 */
public interface BlobStore {

    /** Stores the stream's bytes and returns their address; storing the same bytes twice is a no-op. */
    StoredBlob put(InputStream content) throws IOException;

    /** Opens a stored blob for reading, or empty when no blob has that digest. */
    Optional<InputStream> open(String digest) throws IOException;

    /** The size of a stored blob, or empty when absent. */
    Optional<Long> size(String digest) throws IOException;

    /** A short self-check for health reporting: can the store be read and written right now? */
    HealthProbe probe();

    record StoredBlob(String digest, long sizeBytes) {
    }

    record HealthProbe(boolean writable, long usableBytes, String location, String detail) {
    }
}
