package io.modelregistry.query.download;

import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Blobs in memory for the download tests, read-only through the port (tests add them directly). With a presigned
 * address it acts as an object store in redirect mode: every stored blob has that presigned URL.
 */
final class MemoryBlobs implements BlobStore {

    final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final URI presigned;

    MemoryBlobs() {
        this(null);
    }

    MemoryBlobs(URI presigned) {
        this.presigned = presigned;
    }

    /** Stores {@code text} as a blob and answers the manifest entry of a file with it at {@code path}. */
    PackageManifest.Entry add(String path, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String digest = LinkedDatasets.sha256(content);
        bytes.put(digest, content);
        CRC32 crc = new CRC32();
        crc.update(content);
        return new PackageManifest.Entry(path, content.length, digest, crc.getValue(), Aspect.of(path));
    }

    @Override
    public StoredBlob put(InputStream content) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<InputStream> open(String digest) {
        return Optional.ofNullable(bytes.get(digest)).map(ByteArrayInputStream::new);
    }

    @Override
    public Optional<Long> size(String digest) {
        return Optional.ofNullable(bytes.get(digest)).map(b -> (long) b.length);
    }

    @Override
    public List<String> list(String afterDigest, int limit) {
        return List.of();
    }

    @Override
    public boolean delete(String digest) {
        return false;
    }

    @Override
    public Optional<URI> presignedDownload(String digest, Duration ttl) {
        return presigned != null && bytes.containsKey(digest) ? Optional.of(presigned) : Optional.empty();
    }

    @Override
    public Optional<URI> downloadRedirect(String digest) {
        return presigned == null ? Optional.empty() : presignedDownload(digest, Duration.ofMinutes(5));
    }

    @Override
    public HealthProbe probe() {
        return new HealthProbe(true, bytes.size(), "memory", "test");
    }
}
