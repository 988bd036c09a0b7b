package io.modelregistry.query.download;

import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.blob.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A zip of manifest entries laid out before any byte is read: every entry is STORED (uncompressed) with its size
 * and CRC-32 in the local header, so the length of the whole zip, and the offset of every byte in it, follow from
 * the manifest alone. That is what gives a download its {@code Content-Length}, a stable {@code ETag} (the same
 * manifest always gives the same bytes: the entry time is fixed) and ranges that resume where a cut download
 * stopped. Entries or offsets past 4 GiB use the Zip64 extensions.
 *
 * <p>The zip is a list of segments: small header byte arrays, and stretches of blobs, which are copied with
 * {@link FileChannel#transferTo} when the blob store keeps local files.
 */
final class PackageZip {

    private static final long MAX32 = 0xFFFFFFFFL;
    private static final int MAX16 = 0xFFFF;
    /** 1980-01-01 00:00, the earliest DOS time: fixed so the same manifest always gives the same bytes. */
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final int UTF8_NAMES = 0x0800;

    private final List<Segment> segments;
    private final long length;

    /**
     * The CRC-32 of an entry's bytes, making sure they are stored first: a stored entry's comes from the manifest, a
     * remote entry's bytes are fetched (once) when the zip reaches them, and their CRC then goes into its headers.
     */
    interface Bytes {
        long crc32(PackageManifest.Entry entry) throws IOException;
    }

    private sealed interface Segment permits Header, LocalHeader, Blob, CentralDirectory {
        long length();
    }

    private record Header(byte[] bytes) implements Segment {
        public long length() {
            return bytes.length;
        }
    }

    /** The local header of an entry: its length is known up front, its CRC field only once the bytes are. */
    private record LocalHeader(PackageManifest.Entry entry, long length) implements Segment {
    }

    /** @param entry the manifest entry the bytes belong to, or null for an older package's whole bundle zip */
    private record Blob(String digest, long length, PackageManifest.Entry entry) implements Segment {
    }

    /** Central directory and end records: they repeat every entry's CRC, so they are written last, lazily. */
    private record CentralDirectory(List<PackageManifest.Entry> entries, List<Long> offsets, long centralOffset,
                                    long length)
            implements Segment {
    }

    private PackageZip(List<Segment> segments) {
        this.segments = segments;
        this.length = segments.stream().mapToLong(Segment::length).sum();
    }

    /** A package stored before manifests existed: its bundle zip is served as it is. */
    static PackageZip ofStoredZip(String digest, long size) {
        return new PackageZip(List.of(new Blob(digest, size, null)));
    }

    /** One file's bytes alone, no zip around them (a remote file is fetched when first written, as in a zip). */
    static PackageZip ofFile(PackageManifest.Entry entry) {
        return new PackageZip(List.of(new Blob(entry.sha256(), entry.size(), entry)));
    }

    static PackageZip of(List<PackageManifest.Entry> entries) {
        return of(entries, Map.of());
    }

    /**
     * @param inline bytes of entries that are not blobs, by their sha-256 (a note the download itself writes,
     *               e.g. which linked datasets are missing); every other entry is read from the blob store
     */
    static PackageZip of(List<PackageManifest.Entry> entries, Map<String, byte[]> inline) {
        List<Segment> segments = new ArrayList<>();
        List<Long> offsets = new ArrayList<>(entries.size());
        long offset = 0;
        for (PackageManifest.Entry entry : entries) {
            // the CRC's value never changes a header's length: a stand-in gives the layout before the bytes exist
            long local = localHeader(entry, 0).length;
            segments.add(new LocalHeader(entry, local));
            byte[] bytes = inline.get(entry.sha256());
            segments.add(bytes != null ? new Header(bytes) : new Blob(entry.sha256(), entry.size(), entry));
            offsets.add(offset);
            offset += local + entry.size();
        }
        List<Long> fixedOffsets = List.copyOf(offsets);
        long centralLength;
        try {
            centralLength = centralDirectory(entries, fixedOffsets, offset, e -> 0).length;
        } catch (IOException e) {
            throw new IllegalStateException("a stand-in CRC cannot fail", e);
        }
        segments.add(new CentralDirectory(List.copyOf(entries), fixedOffsets, offset, centralLength));
        return new PackageZip(List.copyOf(segments));
    }

    private static byte[] centralDirectory(List<PackageManifest.Entry> entries, List<Long> offsets,
                                           long centralOffset, Bytes bytes) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (int i = 0; i < entries.size(); i++) {
            PackageManifest.Entry entry = entries.get(i);
            central.writeBytes(centralHeader(entry, bytes.crc32(entry), offsets.get(i)));
        }
        long centralSize = central.size();
        Le end = new Le();
        boolean zip64 = entries.size() >= MAX16 || centralOffset >= MAX32 || centralSize >= MAX32;
        if (zip64) {
            long zip64EndOffset = centralOffset + centralSize;
            end.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0)
                    .u64(entries.size()).u64(entries.size()).u64(centralSize).u64(centralOffset);
            end.u32(0x07064b50).u32(0).u64(zip64EndOffset).u32(1);
        }
        end.u32(0x06054b50).u16(0).u16(0)
                .u16(Math.min(entries.size(), MAX16)).u16(Math.min(entries.size(), MAX16))
                .u32(Math.min(centralSize, MAX32)).u32(Math.min(centralOffset, MAX32)).u16(0);
        central.writeBytes(end.bytes());
        return central.toByteArray();
    }

    private static byte[] localHeader(PackageManifest.Entry entry, long crc32) {
        byte[] name = entry.path().getBytes(StandardCharsets.UTF_8);
        boolean bigSize = entry.size() >= MAX32;
        Le h = new Le().u32(0x04034b50).u16(bigSize ? 45 : 10).u16(UTF8_NAMES).u16(0).u16(DOS_TIME).u16(DOS_DATE)
                .u32(crc32).u32(bigSize ? MAX32 : entry.size()).u32(bigSize ? MAX32 : entry.size())
                .u16(name.length).u16(bigSize ? 20 : 0).raw(name);
        if (bigSize) {
            h.u16(0x0001).u16(16).u64(entry.size()).u64(entry.size());
        }
        return h.bytes();
    }

    private static byte[] centralHeader(PackageManifest.Entry entry, long crc32, long offset) {
        byte[] name = entry.path().getBytes(StandardCharsets.UTF_8);
        boolean bigSize = entry.size() >= MAX32;
        boolean bigOffset = offset >= MAX32;
        int extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
        Le h = new Le().u32(0x02014b50).u16(45).u16(bigSize || bigOffset ? 45 : 10).u16(UTF8_NAMES).u16(0)
                .u16(DOS_TIME).u16(DOS_DATE).u32(crc32)
                .u32(bigSize ? MAX32 : entry.size()).u32(bigSize ? MAX32 : entry.size())
                .u16(name.length).u16(extra == 0 ? 0 : extra + 4).u16(0).u16(0).u16(0).u32(0)
                .u32(bigOffset ? MAX32 : offset).raw(name);
        if (extra > 0) {
            h.u16(0x0001).u16(extra);
            if (bigSize) {
                h.u64(entry.size()).u64(entry.size());
            }
            if (bigOffset) {
                h.u64(offset);
            }
        }
        return h.bytes();
    }

    long length() {
        return length;
    }

    /**
     * The digest of the one blob this zip is, byte for byte (a package stored before manifests existed), or empty
     * when the zip is assembled from headers and blobs: only such a download can be sent to a presigned URL.
     */
    Optional<String> soleBlob() {
        return segments.size() == 1 && segments.get(0) instanceof Blob blob ? Optional.of(blob.digest())
                : Optional.empty();
    }

    /** True when some entry's bytes are not stored yet: writing the zip may fetch them. */
    boolean hasRemoteEntries() {
        return segments.stream().anyMatch(s -> s instanceof Blob blob && blob.entry() != null && blob.entry().isRemote());
    }

    /** Writes the zip from stored entries only (every entry's CRC in the manifest); see the other overload. */
    void writeRange(long from, long to, BlobStore blobs, OutputStream out) throws IOException {
        writeRange(from, to, blobs, PackageManifest.Entry::crc32, out);
    }

    /**
     * Writes bytes {@code from} to {@code to} (inclusive) of the zip. A remote entry's bytes are made stored through
     * {@code bytes} before its header is written. A blob that has gone missing, or a remote entry that cannot be
     * fetched, fails with an exception: by then the status line may be out, and the caller must then abort the
     * connection rather than end a short body.
     */
    void writeRange(long from, long to, BlobStore blobs, Bytes bytes, OutputStream out) throws IOException {
        writeRange(from, to, blobs, bytes, out, Channels.newChannel(out));
    }

    /**
     * True when the whole zip can be written into a file once and served from it for every later download: every
     * entry is a stored blob (no remote entry still to be fetched, no inline note that the download itself writes),
     * so the same manifest always gives the same bytes.
     */
    boolean assemblable() {
        return segments.stream().noneMatch(s -> s instanceof Header
                || s instanceof Blob blob && blob.entry() != null && blob.entry().isRemote());
    }

    /** The digests of the blobs the zip's bytes come from. */
    List<String> blobDigests() {
        return segments.stream().filter(s -> s instanceof Blob).map(s -> ((Blob) s).digest()).distinct().toList();
    }

    /**
     * Writes the whole zip into {@code target} at its current position. A blob the store keeps as a local file is
     * copied file to file with {@link FileChannel#transferTo}, which the kernel does without passing the bytes
     * through this process.
     */
    void writeTo(FileChannel target, BlobStore blobs) throws IOException {
        if (length > 0) {
            writeRange(0, length - 1, blobs, PackageManifest.Entry::crc32, Channels.newOutputStream(target), target);
        }
    }

    private void writeRange(long from, long to, BlobStore blobs, Bytes bytes, OutputStream out,
                            WritableByteChannel channel) throws IOException {
        long position = 0;
        for (Segment segment : segments) {
            long start = position;
            long end = position + segment.length(); // exclusive
            position = end;
            if (end <= from || start > to || segment.length() == 0) {
                continue;
            }
            long skip = Math.max(0, from - start);
            long count = Math.min(end - 1, to) - (start + skip) + 1;
            if (segment instanceof Header header) {
                out.write(header.bytes(), (int) skip, (int) count);
            } else if (segment instanceof LocalHeader local) {
                out.write(localHeader(local.entry(), bytes.crc32(local.entry())), (int) skip, (int) count);
            } else if (segment instanceof CentralDirectory central) {
                out.write(centralDirectory(central.entries(), central.offsets(), central.centralOffset(), bytes),
                        (int) skip, (int) count);
            } else {
                Blob blob = (Blob) segment;
                if (blob.entry() != null && blob.entry().isRemote()) {
                    bytes.crc32(blob.entry()); // a range starting inside a remote file still needs it stored
                }
                out.flush();
                copyBlob(blob.digest(), skip, count, blobs, channel, out);
            }
        }
        out.flush();
    }

    private static void copyBlob(String digest, long skip, long count, BlobStore blobs, WritableByteChannel channel,
                                 OutputStream out) throws IOException {
        Optional<FileChannel> file = blobs.openChannel(digest);
        if (file.isPresent()) {
            try (FileChannel in = file.get()) {
                long done = 0;
                while (done < count) {
                    long sent = in.transferTo(skip + done, count - done, channel);
                    if (sent <= 0) {
                        throw new IOException("blob " + digest + " is shorter than its manifest says");
                    }
                    done += sent;
                }
            }
            return;
        }
        // only the bytes this range needs: an object store answers them with one ranged GET
        try (InputStream in = blobs.open(digest, skip, count)
                .orElseThrow(() -> new IOException("blob " + digest + " is missing"))) {
            byte[] buffer = new byte[64 * 1024];
            long left = count;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("blob " + digest + " is shorter than its manifest says");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }

    /** Little-endian field writer for zip records. */
    private static final class Le {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Le u16(long v) {
            out.write((int) v & 0xFF);
            out.write((int) (v >>> 8) & 0xFF);
            return this;
        }

        Le u32(long v) {
            return u16(v & 0xFFFF).u16((v >>> 16) & 0xFFFF);
        }

        Le u64(long v) {
            return u32(v & MAX32).u32(v >>> 32);
        }

        Le raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
