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
 *
 * <p>A <em>remote</em> entry names a file that is listed but not stored yet (larger than the eager limit): its
 * blob is fetched from the hub on the first download that needs it. Such a line has a sixth field,
 * {@code kind SPACE repoId SPACE revision SPACE repoPath} (where to fetch it from, pinned to a commit), and its
 * CRC-32 field is {@code -} (the CRC is known only once the bytes are). Lines without the sixth field, every line
 * of a manifest written before pull-through existed, are stored entries as before.
 */
public record PackageManifest(List<Entry> entries) {

    /** First line of every manifest; bundle zips of older packages start with {@code PK} instead. */
    public static final String HEADER = "registry-package 1";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Bounds what a reader accepts: a manifest is a blob, and blobs are never trusted to be small. */
    public static final int MAX_ENTRIES = 100_000;
    /** The CRC-32 of a remote entry, whose bytes have not been seen yet. */
    public static final long UNKNOWN_CRC = -1;
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9._-]{1,96}(/[A-Za-z0-9._-]{1,96})?");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private static boolean usablePath(String path) {
        return path != null && !path.isEmpty() && path.indexOf('\t') < 0 && path.indexOf('\n') < 0
                && path.indexOf('\r') < 0;
    }

    public PackageManifest {
        entries = List.copyOf(entries);
        Set<String> paths = new HashSet<>();
        for (Entry entry : entries) {
            if (!paths.add(entry.path())) {
                throw new IllegalArgumentException("duplicate path in package manifest: " + entry.path());
            }
        }
    }

    /** Where a remote entry's bytes are fetched from: the hub, repo and commit of the listing, and the repo path. */
    public record Remote(SourceKind kind, String repoId, String revision, String repoPath) {
        public Remote {
            if (kind != SourceKind.HUGGINGFACE_MODEL && kind != SourceKind.HUGGINGFACE_DATASET) {
                throw new IllegalArgumentException("only HuggingFace files are fetched on demand");
            }
            if (repoId == null || !REPO_ID.matcher(repoId).matches() || revision == null
                    || !REVISION.matcher(revision).matches() || !usablePath(repoPath)) {
                throw new IllegalArgumentException("malformed remote location in package manifest");
            }
        }

        String encode() {
            return kind.name() + ' ' + repoId + ' ' + revision + ' ' + repoPath;
        }

        static Remote decode(String field) {
            String[] f = field.split(" ", 4);
            if (f.length != 4) {
                throw new IllegalArgumentException("malformed remote location in package manifest");
            }
            return new Remote(SourceKind.valueOf(f[0]), f[1], f[2], f[3]);
        }
    }

    /**
     * @param crc32  the CRC-32 of the bytes, as an unsigned 32-bit value; {@link #UNKNOWN_CRC} for a remote entry
     * @param remote where to fetch the bytes from when they are not stored yet, or null for a stored entry
     */
    public record Entry(String path, long size, String sha256, long crc32, Aspect aspect, Remote remote) {

        public Entry(String path, long size, String sha256, long crc32, Aspect aspect) {
            this(path, size, sha256, crc32, aspect, null);
        }

        /** A file listed with its size and LFS sha-256, fetched from {@code remote} when first downloaded. */
        public static Entry remote(String path, long size, String sha256, Aspect aspect, Remote remote) {
            return new Entry(path, size, sha256, UNKNOWN_CRC, aspect, remote);
        }

        public boolean isRemote() {
            return remote != null;
        }

        public Entry {
            if (!usablePath(path)) {
                throw new IllegalArgumentException("unusable path in package manifest");
            }
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("not a sha-256 digest: " + sha256);
            }
            boolean crcOk = remote == null ? crc32 >= 0 && crc32 <= 0xFFFFFFFFL : crc32 == UNKNOWN_CRC;
            if (size < 0 || !crcOk || aspect == null) {
                throw new IllegalArgumentException("malformed package manifest entry for " + path);
            }
        }
    }

    /** The entries whose bytes are stored now (remote entries are not, until a download fetches them). */
    public List<Entry> stored() {
        return entries.stream().filter(e -> !e.isRemote()).toList();
    }

    /** The entries of one aspect, or all of them for {@code null} (the full package). */
    public List<Entry> select(Aspect aspect) {
        return aspect == null ? entries : entries.stream().filter(e -> e.aspect() == aspect).toList();
    }

    public byte[] encode() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries) {
            out.append(e.sha256()).append('\t').append(e.size()).append('\t')
                    .append(e.isRemote() ? "-" : Long.toHexString(e.crc32()))
                    .append('\t').append(e.aspect().wireName()).append('\t').append(e.path());
            if (e.isRemote()) {
                out.append('\t').append(e.remote().encode());
            }
            out.append('\n');
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
                String[] f = lines[i].split("\t", 6);
                if (f.length != 5 && f.length != 6) {
                    return Optional.empty();
                }
                Aspect aspect = Aspect.valueOf(f[3].toUpperCase(java.util.Locale.ROOT));
                if (f.length == 6) {
                    if (!f[2].equals("-")) {
                        return Optional.empty();
                    }
                    entries.add(Entry.remote(f[4], Long.parseLong(f[1]), f[0], aspect, Remote.decode(f[5])));
                } else {
                    entries.add(new Entry(f[4], Long.parseLong(f[1]), f[0], Long.parseLong(f[2], 16), aspect));
                }
            }
            return Optional.of(new PackageManifest(entries));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
