package io.modelregistry.command.upload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.hub.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Decides whether an uploaded zip may be stored, reading it from its temporary file and storing nothing. The zip
 * is read by its central directory (Commons Compress), after {@link CentralDirectoryScan} bounded how many records
 * that is. Refusals are {@code BAD_REQUEST} with the reason. The rules, and why each exists, are in
 * docs/decisions/0053-private-zip-uploads.md:
 * <ul>
 *   <li>names: relative, no {@code ..} or {@code .} segments, no backslash, no drive letter or other colon, no
 *       control characters, valid UTF-8, at most 1024 characters and 64 segments;</li>
 *   <li>no two names equal after Unicode NFC normalisation and lower-casing, and no file that is also a folder;</li>
 *   <li>only regular files and folders: no symlinks, devices, fifos or sockets (unix mode in the external
 *       attributes) and no Windows reparse points;</li>
 *   <li>no encrypted entries; only STORED and DEFLATED entries;</li>
 *   <li>no two entries whose bytes overlap in the file (several directory records naming the same data is how a
 *       small zip inflates to terabytes without any single entry looking large);</li>
 *   <li>bounded entries, per-entry and total inflated bytes, and compression ratio, all counted on the bytes that
 *       actually inflate (declared sizes can lie; a lie is itself a refusal), stopping at the first bound;</li>
 *   <li>the layout of its type ({@link UploadLayout}).</li>
 * </ul>
 * Zips inside the zip are files like any other: stored, never opened.
 */
final class UploadInspector {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int REPARSE_POINT = 0x400;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int BUFFER = 64 * 1024;

    private final UploadProperties limits;

    UploadInspector(UploadProperties limits) {
        this.limits = limits;
    }

    InspectedUpload inspect(Path file, ArtifactType type) throws IOException {
        CentralDirectoryScan.count(file, limits.maxEntries());
        try (ZipFile zip = open(file)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw ErrorMessage.UPLOAD_ZIP_MORE_ENTRIES.exception(limits.maxEntries());
            }
            for (ZipArchiveEntry entry : entries) {
                checkEntry(entry);
            }
            checkNoOverlap(entries);
            List<ZipArchiveEntry> files = entries.stream().filter(e -> !e.isDirectory()).toList();
            checkNames(entries);
            String prefix = commonFolder(entries);
            List<InspectedUpload.File> inspected = new ArrayList<>();
            byte[] readme = null;
            byte[] config = null;
            long total = 0;
            List<ZipArchiveEntry> physical = new ArrayList<>(files);
            physical.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
            for (ZipArchiveEntry entry : physical) {
                String path = entry.getName().substring(prefix.length());
                boolean document = path.equalsIgnoreCase(UploadLayout.README) || path.equals(UploadLayout.CONFIG);
                Inflated inflated = inflate(zip, entry, total, document);
                total += inflated.size;
                if (path.equalsIgnoreCase(UploadLayout.README)) {
                    readme = inflated.start;
                } else if (path.equals(UploadLayout.CONFIG)) {
                    config = inflated.start;
                }
                inspected.add(new InspectedUpload.File(entry.getName(), path, inflated.size, inflated.crc));
            }
            UploadLayout.check(type, inspected.stream().map(InspectedUpload.File::path).toList());
            return new InspectedUpload(inspected, prefix, readme, config, total);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return ZipFile.builder().setPath(file).setUseUnicodeExtraFields(false).setMaxNumberOfDisks(1).get();
        } catch (IOException | RuntimeException e) {
            throw ErrorMessage.UPLOAD_UPLOAD_READABLE_ZIP_FILE.exception(describe(e, file));
        }
    }

    private void checkEntry(ZipArchiveEntry entry) {
        String name = entry.getName();
        String shown = shown(name);
        if (entry.getGeneralPurposeBit().usesEncryption() || entry.getGeneralPurposeBit().usesStrongEncryption()) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_ENCRYPTED_UPLOAD.exception(shown);
        }
        int method = entry.getMethod();
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_USES_COMPRESSION.exception(shown, method);
        }
        // Unencrypted STORED and DEFLATED entries are what the library can always read; should that change, reading
        // the entry fails and is refused as "cannot be inflated". Its local header was read and checked when the zip
        // was opened (a header that is missing, cut off or beyond the file is "not a readable zip file").
        if (entry.isUnixSymlink()) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_SYMBOLIC_LINK.exception(shown);
        }
        if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
            int fileType = entry.getUnixMode() & S_IFMT;
            if (fileType != 0 && fileType != S_IFREG && fileType != S_IFDIR) {
                throw ErrorMessage.UPLOAD_ZIP_ENTRY_SPECIAL_FILE.exception(shown, Integer.toOctalString(entry.getUnixMode()));
            }
        } else if ((entry.getExternalAttributes() & REPARSE_POINT) != 0) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_REPARSE_POINT.exception(shown);
        }
        String path = entry.isDirectory() ? name.substring(0, name.length() - 1) : name;
        // the library turns a DOS entry's backslashes into slashes; the name as written decides
        if (rawHasBackslash(entry) || name.indexOf('\uFFFD') >= 0 || DRIVE.matcher(name).matches() || name.indexOf(':') >= 0
                || !RepoPaths.isSafe(path)) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_NAME_PLAIN.exception(shown);
        }
    }

    private static boolean rawHasBackslash(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        if (raw == null) {
            return false;
        }
        for (byte b : raw) {
            if (b == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Two records whose local header and data share bytes: refused, however they got there. */
    private static void checkNoOverlap(List<ZipArchiveEntry> entries) {
        List<ZipArchiveEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        long end = -1;
        String previous = null;
        for (ZipArchiveEntry entry : byOffset) {
            if (entry.getLocalHeaderOffset() < end) {
                throw ErrorMessage.UPLOAD_ZIP_ENTRIES_SHARE_BYTES.exception(shown(previous), shown(entry.getName()));
            }
            end = entry.getDataOffset() + entry.getCompressedSize();
            previous = entry.getName();
        }
    }

    private static void checkNames(List<ZipArchiveEntry> entries) {
        Map<String, String> seen = new HashMap<>();
        Set<String> files = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (ZipArchiveEntry entry : entries) {
            String name = entry.isDirectory() ? entry.getName().substring(0, entry.getName().length() - 1)
                    : entry.getName();
            String key = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            String earlier = seen.putIfAbsent(key, name);
            if (earlier != null) {
                throw ErrorMessage.UPLOAD_ZIP_TWO_ENTRIES_NAMED.exception(shown(earlier), shown(name));
            }
            (entry.isDirectory() ? folders : files).add(key);
            int slash = key.indexOf('/');
            while (slash > 0) {
                folders.add(key.substring(0, slash));
                slash = key.indexOf('/', slash + 1);
            }
        }
        for (String folder : folders) {
            if (files.contains(folder)) {
                throw ErrorMessage.UPLOAD_ZIP_NAMES_BOTH_FILE.exception(shown(seen.get(folder)));
            }
        }
    }

    /** The one top-level folder holding everything, as {@code zip -r x.zip folder/} makes; "" otherwise. */
    private static String commonFolder(List<ZipArchiveEntry> entries) {
        String folder = null;
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName();
            int slash = name.indexOf('/');
            if (slash < 0 || (!entry.isDirectory() && slash == name.length() - 1)) {
                return "";
            }
            String top = name.substring(0, slash + 1);
            if (folder == null) {
                folder = top;
            } else if (!folder.equals(top)) {
                return "";
            }
        }
        if (folder == null) {
            return "";
        }
        String top = folder;
        return entries.stream().anyMatch(e -> !e.isDirectory() && e.getName().length() > top.length()) ? top : "";
    }

    private record Inflated(long size, long crc, byte[] start) {
    }

    private Inflated inflate(ZipFile zip, ZipArchiveEntry entry, long totalBefore, boolean keepStart)
            throws IOException {
        String shown = shown(entry.getName());
        long maxEntry = limits.maxEntryBytes().toBytes();
        long maxTotal = limits.maxTotalBytes().toBytes();
        long floor = limits.ratioFloorBytes().toBytes();
        long compressed = Math.max(1, entry.getCompressedSize());
        int keep = (int) limits.maxDocumentBytes().toBytes();
        byte[] start = keepStart ? new byte[keep + 1] : null;
        int kept = 0;
        CRC32 crc = new CRC32();
        long count = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                count += n;
                if (count > maxEntry) {
                    throw ErrorMessage.UPLOAD_ZIP_ENTRY_INFLATES_MORE.exception(shown, maxEntry);
                }
                if (totalBefore + count > maxTotal) {
                    throw ErrorMessage.UPLOAD_ZIP_S_ENTRIES_INFLATE.exception(maxTotal);
                }
                if (count > floor && count / compressed > limits.maxCompressionRatio()) {
                    throw ErrorMessage.UPLOAD_ZIP_ENTRY_INFLATES_MORE_TIMES.exception(shown, limits.maxCompressionRatio());
                }
                crc.update(buffer, 0, n);
                if (start != null && kept < start.length) {
                    int copy = Math.min(n, start.length - kept);
                    System.arraycopy(buffer, 0, start, kept, copy);
                    kept += copy;
                }
            }
        } catch (RegistryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_CANNOT_INFLATED.exception(shown, describe(e));
        }
        if (entry.getSize() >= 0 && entry.getSize() != count) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_DECLARES_BYTES.exception(shown, entry.getSize(), count);
        }
        if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
            throw ErrorMessage.UPLOAD_ZIP_ENTRY_DOES_MATCH.exception(shown);
        }
        // a document larger than the bound is stored as a file but not read as a document
        byte[] document = start != null && kept <= keep ? Arrays.copyOf(start, kept) : null;
        return new Inflated(count, crc.getValue(), document);
    }

    private static String shown(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return name.length() > 200 ? out + "..." : out.toString();
    }

    /** As {@link #describe(Exception)}; the library names the file it read, the client is told of "the upload". */
    private static String describe(Exception e, Path file) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = message.replace(file.toAbsolutePath().toString(), "the upload").replace(file.toString(), "the upload");
        return shown(message.length() > 200 ? message.substring(0, 200) : message);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return shown(message.length() > 200 ? message.substring(0, 200) : message);
    }
}
