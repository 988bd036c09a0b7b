package io.modelregistry.query.download;

import io.modelregistry.api.blob.BlobStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local files whose bytes are exactly what a download sends, so the container can send them with {@code sendfile}
 * instead of copying them through the heap (decision 0088). A download that is one stored blob is that blob's file;
 * an assembled zip (a whole package, or an aspect) is written once into a bounded cache directory from the blobs'
 * files, file to file in the kernel, and named by its ETag, which changes whenever its bytes would. Only a blob
 * store that offers {@linkplain BlobStore#localFile local files} gets files; the others (S3) stream as before.
 *
 * <p>The first download of a zip assembles it while concurrent ones stream as before, so nobody waits for it. The
 * cache never holds more than its bound: a zip that does not fit, once files unused for a while are evicted, is not
 * cached and keeps streaming. A file in use is never evicted within {@link #MIN_IDLE_NANOS} of its last use, which
 * covers the moment between naming it to the container and the container opening it (an open file may be deleted:
 * the send goes on).
 */
final class DownloadFiles {

    private static final Logger log = LoggerFactory.getLogger(DownloadFiles.class);
    static final long MIN_IDLE_NANOS = 60_000_000_000L;
    private static final String SUFFIX = ".zip";
    private static final String PARTIAL = ".partial-";

    private final Path directory;
    private final long maxBytes;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> assembling = new ConcurrentHashMap<>();
    private final Object sizeLock = new Object();
    private long bytes;

    private static final class Entry {
        final Path file;
        final long length;
        volatile long lastUsed;

        Entry(Path file, long length, long lastUsed) {
            this.file = file;
            this.length = length;
            this.lastUsed = lastUsed;
        }
    }

    /** A cache in {@code directory} (created, emptied of what an earlier process left) of at most {@code maxBytes}. */
    DownloadFiles(Path directory, long maxBytes, LongSupplier clock) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.clock = clock;
        if (maxBytes > 0) {
            try {
                Files.createDirectories(directory);
                // files of an earlier process are not trusted to be whole: they are cheap to assemble again
                try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory)) {
                    for (Path file : stale) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException e) {
                log.warn("download file cache {} unusable, downloads stream through the heap: {}", directory,
                        e.toString());
            }
        }
    }

    /**
     * The file holding exactly the bytes of {@code zip}, or empty when there is none yet (assembly is then started on
     * this thread unless another is at it) or the store keeps no local files.
     */
    Optional<Path> fileOf(PackageZip zip, String etag, BlobStore blobs) {
        try {
            if (zip.hasRemoteEntries()) {
                return Optional.empty();
            }
            Optional<String> sole = zip.soleBlob();
            if (sole.isPresent()) {
                return blobs.localFile(sole.get()).filter(Files::isRegularFile);
            }
            if (maxBytes <= 0 || !zip.assemblable()) {
                return Optional.empty();
            }
            for (String digest : zip.blobDigests()) {
                if (blobs.localFile(digest).isEmpty()) {
                    return Optional.empty(); // an object store's bytes are streamed, never kept on the node
                }
            }
            String key = key(etag);
            Entry entry = entries.get(key);
            if (entry != null) {
                if (Files.isRegularFile(entry.file)) {
                    entry.lastUsed = clock.getAsLong();
                    return Optional.of(entry.file);
                }
                forget(key, entry);
            }
            if (assembling.putIfAbsent(key, Boolean.TRUE) != null) {
                return Optional.empty(); // another download is writing it: this one streams
            }
            try {
                return assemble(key, zip, blobs);
            } finally {
                assembling.remove(key);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("no local file for a download (it streams instead): {}", e.toString());
            return Optional.empty();
        }
    }

    private Optional<Path> assemble(String key, PackageZip zip, BlobStore blobs) throws IOException {
        long length = zip.length();
        if (!reserve(length)) {
            return Optional.empty();
        }
        Path partial = directory.resolve(key + PARTIAL + UUID.randomUUID());
        Path file = directory.resolve(key + SUFFIX);
        boolean done = false;
        try {
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                zip.writeTo(out, blobs);
                if (out.size() != length) {
                    throw new IOException("assembled " + out.size() + " bytes of a " + length + "-byte zip");
                }
            }
            // no fsync: a cache file lost in a crash is deleted at start and assembled again
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            entries.put(key, new Entry(file, length, clock.getAsLong()));
            done = true;
            return Optional.of(file);
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
                release(length);
            }
        }
    }

    /** Counts {@code length} more bytes in, evicting idle files first; false (nothing counted) when it cannot fit. */
    private boolean reserve(long length) throws IOException {
        if (length > maxBytes) {
            return false;
        }
        synchronized (sizeLock) {
            long now = clock.getAsLong();
            while (bytes + length > maxBytes) {
                Optional<Map.Entry<String, Entry>> idlest = entries.entrySet().stream()
                        .filter(e -> now - e.getValue().lastUsed >= MIN_IDLE_NANOS)
                        .min(Comparator.comparingLong(e -> e.getValue().lastUsed));
                if (idlest.isEmpty()) {
                    return false;
                }
                Entry evicted = idlest.get().getValue();
                entries.remove(idlest.get().getKey(), evicted);
                try {
                    Files.deleteIfExists(evicted.file);
                } catch (NoSuchFileException gone) {
                    // already gone: its bytes are free all the same
                }
                bytes -= evicted.length;
            }
            bytes += length;
            return true;
        }
    }

    private void release(long length) {
        synchronized (sizeLock) {
            bytes -= length;
        }
    }

    private void forget(String key, Entry entry) {
        if (entries.remove(key, entry)) {
            release(entry.length);
        }
    }

    /** Bytes held by cached files, for tests and health. */
    long cachedBytes() {
        synchronized (sizeLock) {
            return bytes;
        }
    }

    /** An ETag is quoted text a client may see; the file name is its sha-256. */
    private static String key(String etag) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(etag.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
