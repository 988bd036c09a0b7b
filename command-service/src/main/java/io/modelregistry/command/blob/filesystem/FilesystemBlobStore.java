package io.modelregistry.command.blob.filesystem;

import io.modelregistry.api.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * The embedded default blob store: content-addressed files under {@code root/sha256/ab/<64 hex>}.
 *
 * <p>A put streams into a temp file under {@code root/sha256/.tmp} (same file system, so the final rename is
 * atomic) while hashing, fsyncs it, then renames it to its digest and fsyncs the directory: when
 * {@link #put} returns the blob survives a crash. Two puts of the same bytes race harmlessly, since both
 * temp files hold identical content; the loser's temp file is dropped.
 *
 * <p>A blob's last-modified time is when it was last written or reused: a put of bytes already stored, and
 * {@link #retain}, set it to now. A sweep deletes through {@link #deleteIfUnwrittenSince}, which first renames the
 * blob into {@code root/sha256/.trash} and then reads its time again: a put or retain that touched it before the
 * rename shows there (the blob is put back), one after it finds no blob and writes it anew. So no blob an ingest
 * has just written or reused is lost to a sweep running at the same moment.
 */
public final class FilesystemBlobStore implements BlobStore {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path blobs;
    private final Path temp;
    private final Path trash;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.blobs = this.root.resolve("sha256");
        this.temp = blobs.resolve(".tmp");
        this.trash = blobs.resolve(".trash");
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
        Files.createDirectories(temp);
        Path tempFile = temp.resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
                size = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            Path target = pathOf(digest);
            if (!touch(target)) {
                Files.createDirectories(target.getParent());
                moveIntoPlace(tempFile, target);
                syncDirectory(target.getParent());
            }
            return new StoredBlob(digest, size);
        } finally {
            Files.deleteIfExists(tempFile);
        }
    }

    /** Marks an existing blob as written now; false when there is none. */
    private static boolean touch(Path blob) throws IOException {
        try {
            Files.setLastModifiedTime(blob, FileTime.from(Instant.now()));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public Optional<StoredBlob> retain(String digest) throws IOException {
        Optional<Path> path = existing(digest);
        if (path.isEmpty() || !touch(path.get())) {
            return Optional.empty();
        }
        return withExisting(digest, Files::size).map(size -> new StoredBlob(digest, size));
    }

    @Override
    public Optional<Long> deleteIfUnwrittenSince(String digest, Instant cutoff) throws IOException {
        Optional<Path> path = existing(digest);
        if (path.isEmpty() || !Files.getLastModifiedTime(path.get()).toInstant().isBefore(cutoff)) {
            return Optional.empty();
        }
        Files.createDirectories(trash);
        Path trashed = trash.resolve(digest + "-" + UUID.randomUUID());
        try {
            Files.move(path.get(), trashed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!Files.getLastModifiedTime(trashed).toInstant().isBefore(cutoff)) {
            // written or reused between the check and the rename: it stays (same bytes if a put recreated it)
            Files.move(trashed, path.get(), StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        }
        long size = Files.size(trashed);
        Files.delete(trashed);
        syncDirectory(path.get().getParent());
        return Optional.of(size);
    }

    /**
     * Temp files of puts a crash cut short, and blobs a crash left in the trash between a sweep's two renames (put
     * back when their place is empty: the sweep had not decided yet), each only when untouched since the cutoff, so
     * that a put or sweep in progress keeps its file.
     */
    @Override
    public long clearLeftoversUntouchedSince(Instant cutoff) throws IOException {
        long cleared = 0;
        for (Path part : filesIn(temp)) {
            if (untouchedSince(part, cutoff) && Files.deleteIfExists(part)) {
                cleared++;
            }
        }
        for (Path trashed : filesIn(trash)) {
            String name = trashed.getFileName().toString();
            String digest = name.length() > 64 ? name.substring(0, 64) : "";
            if (!untouchedSince(trashed, cutoff)) {
                continue;
            }
            if (DIGEST.matcher(digest).matches() && existing(digest).isEmpty()) {
                Path target = pathOf(digest);
                Files.createDirectories(target.getParent());
                moveIntoPlace(trashed, target);
                syncDirectory(target.getParent());
            }
            if (Files.deleteIfExists(trashed) || existing(digest).isPresent()) {
                cleared++;
            }
        }
        return cleared;
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean untouchedSince(Path file, Instant cutoff) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void moveIntoPlace(Path tempFile, Path target) throws IOException {
        try {
            Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // a concurrent put of the same content won; identical bytes, nothing to do
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob store at " + target.getParent() + " does not support atomic rename", e);
        }
    }

    @Override
    public Optional<InputStream> open(String digest) throws IOException {
        return withExisting(digest, Files::newInputStream);
    }

    @Override
    public Optional<FileChannel> openChannel(String digest) throws IOException {
        return withExisting(digest, path -> FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public Optional<Path> localFile(String digest) throws IOException {
        return existing(digest).map(Path::toAbsolutePath);
    }

    @Override
    public Optional<Long> size(String digest) throws IOException {
        return withExisting(digest, Files::size);
    }

    private interface PathReader<T> {
        T read(Path path) throws IOException;
    }

    /** A blob deleted between the existence check and the read is absent, like one that never was. */
    private <T> Optional<T> withExisting(String digest, PathReader<T> reader) throws IOException {
        Optional<Path> path = existing(digest);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(path.get()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Walks the two-hex-digit fan-out directories in order, so a page costs at most the directories up to
     * its last digest, not the whole store.
     */
    @Override
    public List<String> list(String afterDigest, int limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<String> page = new ArrayList<>(Math.min(limit, 1024));
        if (limit == 0 || !Files.isDirectory(blobs)) {
            return page;
        }
        String after = afterDigest == null ? "" : afterDigest;
        for (String fanOut : sortedNames(blobs)) {
            if (fanOut.length() != 2 || !after.isEmpty() && fanOut.compareTo(after.substring(0, Math.min(2, after.length()))) < 0) {
                continue;
            }
            for (String digest : sortedNames(blobs.resolve(fanOut))) {
                if (DIGEST.matcher(digest).matches() && digest.startsWith(fanOut) && digest.compareTo(after) > 0) {
                    page.add(digest);
                    if (page.size() == limit) {
                        return page;
                    }
                }
            }
        }
        return page;
    }

    private static List<String> sortedNames(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean delete(String digest) throws IOException {
        Optional<Path> path = existing(digest);
        if (path.isEmpty()) {
            return false;
        }
        boolean deleted = Files.deleteIfExists(path.get());
        syncDirectory(path.get().getParent());
        return deleted;
    }

    /** Files have no signed URLs: the registry streams them itself. */
    @Override
    public Optional<URI> presignedDownload(String digest, Duration ttl) {
        return Optional.empty();
    }

    @Override
    public HealthProbe probe() {
        Path probe = root.resolve(".probe-" + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            Files.write(probe, new byte[] {1}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.delete(probe);
            long usable = Files.getFileStore(root).getUsableSpace();
            return new HealthProbe(true, usable, root.toString(), "ok");
        } catch (IOException | RuntimeException e) {
            long usable = usableSpaceOrZero();
            return new HealthProbe(false, usable, root.toString(), "not writable: " + e.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // best effort; a leftover probe file is harmless
            }
        }
    }

    private long usableSpaceOrZero() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return 0L;
        }
    }

    /** Malformed digests are simply absent: they can never name a path outside the store. */
    private Optional<Path> existing(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(digest);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path pathOf(String digest) {
        return blobs.resolve(digest.substring(0, 2)).resolve(digest);
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine there. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort (e.g. Windows cannot open directories)
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "FilesystemBlobStore[" + root + "]";
    }
}
