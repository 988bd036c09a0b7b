package io.modelregistry.api.artifact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a package's download is made of: one entry per stored file, each naming the blob that holds its bytes
 * (sha-256), its size, its CRC-32 (a zip's STORED entry declares it before the data, so it is kept rather than
 * recomputed on every download) and its aspect. The manifest is itself a blob; its digest is the package digest,
 * so a package is addressed, like every blob, by its content. A plain line format keeps this module free of any
 * library: a header line, then {@code sha256 TAB size TAB crc32 TAB aspect TAB path} per entry.
 */
public record PackageManifest(List<Entry> entries) {

    /** First line of every manifest; bundle zips of older packages start with {@code PK} instead. */
    public static final String HEADER = "registry-package 1";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Bounds what a reader accepts: a manifest is a blob, and blobs are never trusted to be small. */
    public static final int MAX_ENTRIES = 100_000;

    public PackageManifest {
        entries = List.copyOf(entries);
        Set<String> paths = new HashSet<>();
        for (Entry entry : entries) {
            if (!paths.add(entry.path())) {
                throw new IllegalArgumentException("duplicate path in package manifest: " + entry.path());
            }
        }
    }

    /** @param crc32 the CRC-32 of the bytes, as an unsigned 32-bit value */
    public record Entry(String path, long size, String sha256, long crc32, Aspect aspect) {
        public Entry {
            if (path == null || path.isEmpty() || path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0
                    || path.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("unusable path in package manifest");
            }
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("not a sha-256 digest: " + sha256);
            }
            if (size < 0 || crc32 < 0 || crc32 > 0xFFFFFFFFL || aspect == null) {
                throw new IllegalArgumentException("malformed package manifest entry for " + path);
            }
        }
    }

    /** The entries of one aspect, or all of them for {@code null} (the full package). */
    public List<Entry> select(Aspect aspect) {
        return aspect == null ? entries : entries.stream().filter(e -> e.aspect() == aspect).toList();
    }

    public byte[] encode() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries) {
            out.append(e.sha256()).append('\t').append(e.size()).append('\t').append(Long.toHexString(e.crc32()))
                    .append('\t').append(e.aspect().wireName()).append('\t').append(e.path()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** True when the bytes start like a manifest (rather than an older package's bundle zip). */
    public static boolean looksLikeManifest(byte[] start) {
        byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
        if (start.length < header.length) {
            return false;
        }
        for (int i = 0; i < header.length; i++) {
            if (start[i] != header[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses an encoded manifest; empty when it is not one (wrong header, malformed line, too many entries). */
    public static Optional<PackageManifest> decode(byte[] encoded) {
        String text = new String(encoded, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()
                || lines.length - 2 > MAX_ENTRIES) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>(lines.length - 2);
        try {
            for (int i = 1; i < lines.length - 1; i++) {
                String[] f = lines[i].split("\t", 5);
                if (f.length != 5) {
                    return Optional.empty();
                }
                Aspect aspect = Aspect.valueOf(f[3].toUpperCase(java.util.Locale.ROOT));
                entries.add(new Entry(f[4], Long.parseLong(f[1]), f[0], Long.parseLong(f[2], 16), aspect));
            }
            return Optional.of(new PackageManifest(entries));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
