package io.modelregistry.api.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed storage for package bytes (port). Blobs are immutable and named by the sha-256 of
 * their content; a blob is durable before {@link #put} returns, so an event may reference it afterwards.
 * The embedded adapter keeps files under the data dir; a scale-out adapter keeps S3 objects.
 */
public interface BlobStore {

    /**
     * Stores the stream's bytes and returns their address. Storing bytes that are already stored keeps the one
     * blob, but counts as writing it now: a sweep's grace period starts again, so a blob an ingest has just put
     * is never swept before the event that references it is appended.
     */
    StoredBlob put(InputStream content) throws IOException;

    /**
     * The stored blob with this digest, marked as written now (as {@link #put} of its bytes would), so a caller
     * that skips fetching bytes already stored holds them as safely as if it had put them; empty when absent.
     * The default only looks the blob up: an adapter without a sweep needs no more.
     */
    default Optional<StoredBlob> retain(String digest) throws IOException {
        return size(digest).map(size -> new StoredBlob(digest, size));
    }

    /**
     * Deletes a blob only if it was last written or retained before {@code cutoff}, atomically with respect to a
     * concurrent {@link #put} or {@link #retain} of it: what a sweep calls, so a blob an ingest in flight has just
     * written or reused survives. Returns the deleted blob's size, or empty when nothing was deleted (absent, or
     * written since). The default deletes nothing: an adapter must know its blobs' ages to be swept.
     */
    default Optional<Long> deleteIfUnwrittenSince(String digest, Instant cutoff) throws IOException {
        return Optional.empty();
    }

    /**
     * Clears what interrupted work left outside the blobs, if it was last touched before {@code cutoff}: a put that
     * died between its parts (a staging object, an unfinished multipart upload) or a sweep that died between moving
     * a blob aside and deciding its fate (such a blob is put back, the safe choice: a later sweep judges it again).
     * A sweep calls it first; returns how many leftovers it cleared. The default has none to clear.
     */
    default long clearLeftoversUntouchedSince(Instant cutoff) throws IOException {
        return 0;
    }

    /** Opens a stored blob for reading, or empty when no blob has that digest. */
    Optional<InputStream> open(String digest) throws IOException;

    /**
     * Opens {@code length} bytes of a stored blob from {@code offset} (a resumed download, one entry of a zip), or
     * empty when no blob has that digest. The stream may end early when the blob is shorter. An object store asks
     * for just that range instead of skipping over the bytes before it; the default opens the whole blob and skips.
     */
    default Optional<InputStream> open(String digest, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        Optional<InputStream> whole = open(digest);
        if (whole.isEmpty()) {
            return whole;
        }
        InputStream in = whole.get();
        try {
            long skipped = 0;
            while (skipped < offset && in.read() >= 0) {
                skipped++;
                skipped += in.skip(offset - skipped);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return Optional.of(new LimitedInputStream(in, length));
    }

    /**
     * Opens a stored blob as a local file channel, so a download can copy its bytes with
     * {@link FileChannel#transferTo} instead of through a heap buffer; empty when absent or when the backend keeps
     * no local files (callers then use {@link #open}).
     */
    default Optional<FileChannel> openChannel(String digest) throws IOException {
        return Optional.empty();
    }

    /**
     * The stored blob's local file, for a server that sends files zero-copy ({@code sendfile}) or copies them into
     * another file in the kernel: an optional capability of a store that keeps blobs as files it never rewrites in
     * place (they are immutable and content-addressed); empty when absent or when the backend keeps no local files
     * (an object store), and callers then use {@link #openChannel} or {@link #open}. The file may be deleted by a
     * sweep after this returns, like any blob no event references: a reader that opens it later must expect that.
     */
    default Optional<Path> localFile(String digest) throws IOException {
        return Optional.empty();
    }

    /** The size of a stored blob, or empty when absent. */
    Optional<Long> size(String digest) throws IOException;

    /**
     * Digests of stored blobs in ascending order, starting after {@code afterDigest} (null: from the first),
     * at most {@code limit} of them: how a sweeper pages through the store (S3's ListObjectsV2 StartAfter).
     */
    List<String> list(String afterDigest, int limit) throws IOException;

    /**
     * Deletes a blob; true when it existed. Only a sweep of blobs no event references may call this: blobs
     * are shared by every artifact and version whose files have the same bytes.
     */
    boolean delete(String digest) throws IOException;

    /**
     * A URL from which a client can fetch the blob directly, valid for {@code ttl}; empty when the backend
     * cannot sign one (the filesystem) or no blob has that digest. Callers then stream the bytes themselves.
     */
    Optional<URI> presignedDownload(String digest, Duration ttl);

    /**
     * Where a download of exactly this blob should be sent instead of streaming it through this node, as the
     * store is configured (an object store in redirect mode answers a short-lived presigned URL); empty: the node
     * streams the bytes itself, which is the default and the only choice of the filesystem.
     */
    default Optional<URI> downloadRedirect(String digest) {
        return Optional.empty();
    }

    /** A short self-check for health reporting: can the store be read and written right now? */
    HealthProbe probe();

    record StoredBlob(String digest, long sizeBytes) {
    }

    record HealthProbe(boolean writable, long usableBytes, String location, String detail) {
    }
}
