package io.modelregistry.command.weights;

import io.modelregistry.api.artifact.ScanLevel;
import io.modelregistry.api.artifact.ScannedFile;
import io.modelregistry.api.artifact.WeightsScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Scans one pickle-based weights file: a plain pickle (or several in a row: PyTorch's legacy format, joblib), or a
 * zip holding pickles (PyTorch's format since 1.6: {@code archive/data.pkl} beside the tensors' raw bytes;
 * TorchScript's {@code constants.pkl}). A zip is read by its central directory, by offset, so a multi-GB
 * checkpoint costs the few KB of its directory and pickles, not its tensors. Pure apart from reading its
 * {@link Source}; every count and size is bounded by {@link Limits}, and a file that cannot be read is a finding,
 * never an exception.
 */
final class WeightsFileScanner {

    private static final Set<String> PICKLE_EXTENSIONS = Set.of("bin", "pt", "pth", "ckpt", "pkl", "pickle",
            "joblib");
    private static final Set<String> PICKLE_ENTRY_EXTENSIONS = Set.of("pkl", "pickle");
    private static final int LOCAL_SIG = 0x04034b50;
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CFH_SIG = 0x02014b50;
    private static final int EOCD_MIN = 22;
    private static final int CFH_MIN = 46;
    private static final int MAX_COMMENT = 0xFFFF;

    /** Random access to the file's bytes (a blob: a local file, or ranged reads of an object). */
    interface Source {
        long size() throws IOException;

        InputStream open(long offset, long length) throws IOException;
    }

    /**
     * @param maxBytes        bytes one pickle read may consume (its arguments included)
     * @param maxOpcodes      opcodes per file
     * @param maxZipEntries   central directory records a zip may have
     * @param maxZipDirectory bytes of central directory read
     * @param timeout         wall-clock time per file
     */
    record Limits(long maxBytes, long maxOpcodes, int maxZipEntries, long maxZipDirectory, Duration timeout) {
        static Limits defaults() {
            return new Limits(1L << 30, 20_000_000, 100_000, 64L << 20, Duration.ofSeconds(60));
        }
    }

    private final Limits limits;

    WeightsFileScanner(Limits limits) {
        this.limits = limits;
    }

    /** Whether a path is one of the pickle-based formats a loader would unpickle. */
    static boolean isPickleBased(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && PICKLE_EXTENSIONS.contains(name.substring(dot + 1));
    }

    ScannedFile scan(String path, String sha256, Source source) {
        ScanBudget budget = ScanBudget.of(limits.maxBytes(), limits.maxOpcodes(), limits.timeout());
        Findings findings = new Findings();
        try {
            long size = source.size();
            if (size >= 4 && startsWithLocalHeader(source)) {
                scanZip(source, size, budget, findings);
            } else {
                try (InputStream in = source.open(0, size)) {
                    findings.add(null, PickleImports.read(in, budget));
                }
            }
        } catch (Unreadable e) {
            findings.problem(e.getMessage());
        } catch (IOException e) {
            findings.problem("could not be read: " + e.getMessage());
        }
        return findings.file(path, sha256);
    }

    private static boolean startsWithLocalHeader(Source source) throws IOException {
        try (InputStream in = source.open(0, 4)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() == LOCAL_SIG;
        }
    }

    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** One central directory record of a pickle entry: where its local header is, how it is stored. */
    private record ZipEntry(String name, int method, long compressedSize, long localOffset) {
    }

    private void scanZip(Source source, long size, ScanBudget budget, Findings findings)
            throws IOException, Unreadable {
        List<ZipEntry> pickles = pickleEntries(source, size);
        if (pickles.isEmpty()) {
            findings.note("a zip with no pickle inside (no .pkl entry): nothing a loader would unpickle");
            return;
        }
        for (ZipEntry entry : pickles) {
            try {
                budget.checkTime();
            } catch (ScanBudget.Exhausted e) {
                findings.problem(e.getMessage());
                return;
            }
            ByteBuffer local = read(source, entry.localOffset(), 30, size);
            if (local.getInt(0) != LOCAL_SIG) {
                throw new Unreadable("could not be parsed: the zip entry " + entry.name()
                        + " has no local header where its directory says");
            }
            long dataOffset = entry.localOffset() + 30 + (local.getShort(26) & 0xFFFF) + (local.getShort(28) & 0xFFFF);
            if (dataOffset + entry.compressedSize() > size) {
                throw new Unreadable("could not be parsed: the zip entry " + entry.name() + " ends past the file");
            }
            Inflater inflater = entry.method() == 0 ? null : new Inflater(true);
            try (InputStream raw = source.open(dataOffset, entry.compressedSize());
                 InputStream in = inflater == null ? raw : new InflaterInputStream(raw, inflater)) {
                findings.add(entry.name(), PickleImports.read(in, budget));
            } finally {
                if (inflater != null) {
                    inflater.end(); // a caller's Inflater is not ended by the stream's close
                }
            }
        }
    }

    /** The zip's pickle entries, from its central directory, walked by the records' own lengths and bounded. */
    private List<ZipEntry> pickleEntries(Source source, long size) throws IOException, Unreadable {
        int window = (int) Math.min(size, EOCD_MIN + MAX_COMMENT);
        ByteBuffer tail = read(source, size - window, window, size);
        long eocd = -1;
        for (int i = window - EOCD_MIN; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG) {
                eocd = size - window + i;
                break;
            }
        }
        if (eocd < 0) {
            throw new Unreadable("could not be parsed: a zip without an end of central directory record");
        }
        ByteBuffer end = read(source, eocd, EOCD_MIN, size);
        long records = end.getShort(10) & 0xFFFFL;
        long directorySize = end.getInt(12) & 0xFFFFFFFFL;
        long offset = end.getInt(16) & 0xFFFFFFFFL;
        if (eocd >= 20) {
            ByteBuffer locator = read(source, eocd - 20, 20, size);
            if (locator.getInt(0) == ZIP64_LOCATOR_SIG) {
                long zip64 = locator.getLong(8);
                if (zip64 < 0 || zip64 > size - 56) {
                    throw new Unreadable("could not be parsed: its Zip64 end record is outside the file");
                }
                ByteBuffer record = read(source, zip64, 56, size);
                if (record.getInt(0) != ZIP64_EOCD_SIG) {
                    throw new Unreadable("could not be parsed: its Zip64 locator names no Zip64 end record");
                }
                records = record.getLong(32);
                directorySize = record.getLong(40);
                offset = record.getLong(48);
            }
        }
        if (records < 0 || records > limits.maxZipEntries()) {
            throw new Unreadable("not scanned: the zip has more than " + limits.maxZipEntries() + " entries");
        }
        if (offset < 0 || directorySize < 0 || offset + directorySize > size
                || directorySize > limits.maxZipDirectory()) {
            throw new Unreadable("could not be parsed: its central directory is outside the file or too large");
        }
        ByteBuffer directory = read(source, offset, (int) directorySize, size);
        List<ZipEntry> pickles = new ArrayList<>();
        int position = 0;
        for (long r = 0; r < records; r++) {
            if (position + CFH_MIN > directorySize || directory.getInt(position) != CFH_SIG) {
                throw new Unreadable("could not be parsed: its central directory ends before its last record");
            }
            int method = directory.getShort(position + 10) & 0xFFFF;
            long compressed = directory.getInt(position + 20) & 0xFFFFFFFFL;
            long uncompressed = directory.getInt(position + 24) & 0xFFFFFFFFL;
            int nameLength = directory.getShort(position + 28) & 0xFFFF;
            int extraLength = directory.getShort(position + 30) & 0xFFFF;
            int commentLength = directory.getShort(position + 32) & 0xFFFF;
            long local = directory.getInt(position + 42) & 0xFFFFFFFFL;
            int next = position + CFH_MIN + nameLength + extraLength + commentLength;
            if (next > directorySize) {
                throw new Unreadable("could not be parsed: a central directory record runs past the directory");
            }
            byte[] nameBytes = new byte[nameLength];
            directory.get(position + CFH_MIN, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            // Zip64: the 0xFFFFFFFF fields are in the extra field 0x0001, in this order
            int extra = position + CFH_MIN + nameLength;
            int extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = directory.getShort(extra) & 0xFFFF;
                int length = directory.getShort(extra + 2) & 0xFFFF;
                if (id == 0x0001) {
                    int field = extra + 4;
                    if (uncompressed == 0xFFFFFFFFL && field + 8 <= extraEnd) {
                        field += 8;
                    }
                    if (compressed == 0xFFFFFFFFL && field + 8 <= extraEnd) {
                        compressed = directory.getLong(field);
                        field += 8;
                    }
                    if (local == 0xFFFFFFFFL && field + 8 <= extraEnd) {
                        local = directory.getLong(field);
                    }
                }
                extra += 4 + length;
            }
            if (isPickleEntry(name)) {
                if (method != 0 && method != 8) {
                    throw new Unreadable("could not be parsed: the zip entry " + name + " uses compression method "
                            + method);
                }
                if (compressed < 0 || local < 0) {
                    throw new Unreadable("could not be parsed: the zip entry " + name + " has a negative size");
                }
                pickles.add(new ZipEntry(name, method, compressed, local));
            }
            position = next;
        }
        return pickles;
    }

    private static boolean isPickleEntry(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return !lower.endsWith("/") && dot > lower.lastIndexOf('/') && PICKLE_ENTRY_EXTENSIONS.contains(
                lower.substring(dot + 1));
    }

    private static ByteBuffer read(Source source, long offset, int length, long size)
            throws IOException, Unreadable {
        if (offset < 0 || offset + length > size) {
            throw new Unreadable("could not be parsed: a zip record lies outside the file");
        }
        try (InputStream in = source.open(offset, length)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new Unreadable("could not be parsed: the file ends inside a zip record");
            }
            return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** What the pickles of one file named, classified. */
    private static final class Findings {
        private final Set<String> dangerous = new LinkedHashSet<>();
        private final Set<String> unknown = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();
        private ScanLevel level = ScanLevel.SAFE;

        void add(String entry, PickleImports.Result result) {
            for (PickleImports.Import imported : result.imports()) {
                ScanLevel importLevel = ImportPolicy.classify(imported);
                level = level.worst(importLevel);
                if (importLevel == ScanLevel.DANGEROUS) {
                    dangerous.add(imported.qualified());
                } else if (importLevel == ScanLevel.SUSPICIOUS) {
                    unknown.add(imported.qualified());
                }
            }
            if (result.notPickle()) {
                // a loader fails on the first byte, before importing anything
                note((entry == null ? "" : entry + ": ") + "not a pickle");
            } else if (result.problem() != null) {
                problem(entry == null ? result.problem() : entry + ": " + result.problem());
            }
        }

        /** Something worth saying that does not make the file less safe. */
        void note(String text) {
            problems.add(text);
        }

        void problem(String text) {
            problems.add(text);
            level = level.worst(ScanLevel.SUSPICIOUS);
        }

        ScannedFile file(String path, String sha256) {
            String problem = problems.isEmpty() ? null : String.join("; ", problems.subList(0,
                    Math.min(problems.size(), 5)));
            if (problem != null && problem.length() > 1000) {
                problem = problem.substring(0, 1000);
            }
            return new ScannedFile(path, sha256, level, first(dangerous), first(unknown), problem);
        }

        private static List<String> first(Set<String> names) {
            return names.stream().limit(WeightsScan.MAX_IMPORTS_LISTED)
                    .map(n -> n.length() <= 200 ? n : n.substring(0, 200)).toList();
        }
    }
}
