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

    private sealed interface Segment permits Header, Blob {
        long length();
    }

    private record Header(byte[] bytes) implements Segment {
        public long length() {
            return bytes.length;
        }
    }

    private record Blob(String digest, long length) implements Segment {
    }

    private PackageZip(List<Segment> segments) {
        this.segments = segments;
        this.length = segments.stream().mapToLong(Segment::length).sum();
    }

    /** A package stored before manifests existed: its bundle zip is served as it is. */
    static PackageZip ofStoredZip(String digest, long size) {
        return new PackageZip(List.of(new Blob(digest, size)));
    }

    static PackageZip of(List<PackageManifest.Entry> entries) {
        List<Segment> segments = new ArrayList<>();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        for (PackageManifest.Entry entry : entries) {
            byte[] name = entry.path().getBytes(StandardCharsets.UTF_8);
            boolean bigSize = entry.size() >= MAX32;
            byte[] local = localHeader(entry, name, bigSize);
            segments.add(new Header(local));
            segments.add(new Blob(entry.sha256(), entry.size()));
            central.writeBytes(centralHeader(entry, name, bigSize, offset));
            offset += local.length + entry.size();
        }
        long centralOffset = offset;
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
        segments.add(new Header(central.toByteArray()));
        return new PackageZip(List.copyOf(segments));
    }

    private static byte[] localHeader(PackageManifest.Entry entry, byte[] name, boolean bigSize) {
        Le h = new Le().u32(0x04034b50).u16(bigSize ? 45 : 10).u16(UTF8_NAMES).u16(0).u16(DOS_TIME).u16(DOS_DATE)
                .u32(entry.crc32()).u32(bigSize ? MAX32 : entry.size()).u32(bigSize ? MAX32 : entry.size())
                .u16(name.length).u16(bigSize ? 20 : 0).raw(name);
        if (bigSize) {
            h.u16(0x0001).u16(16).u64(entry.size()).u64(entry.size());
        }
        return h.bytes();
    }

    private static byte[] centralHeader(PackageManifest.Entry entry, byte[] name, boolean bigSize, long offset) {
        boolean bigOffset = offset >= MAX32;
        int extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
        Le h = new Le().u32(0x02014b50).u16(45).u16(bigSize || bigOffset ? 45 : 10).u16(UTF8_NAMES).u16(0)
                .u16(DOS_TIME).u16(DOS_DATE).u32(entry.crc32())
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
     * Writes bytes {@code from} to {@code to} (inclusive) of the zip. A blob that has gone missing fails with an
     * IOException: by then the status line is out, and a short body is the only honest signal left.
     */
    void writeRange(long from, long to, BlobStore blobs, OutputStream out) throws IOException {
        WritableByteChannel channel = Channels.newChannel(out);
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
            } else {
                out.flush();
                copyBlob(((Blob) segment).digest(), skip, count, blobs, channel, out);
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
        try (InputStream in = blobs.open(digest).orElseThrow(() -> new IOException("blob " + digest + " is missing"))) {
            in.skipNBytes(skip);
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
