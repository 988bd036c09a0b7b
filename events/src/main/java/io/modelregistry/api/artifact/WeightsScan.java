package io.modelregistry.api.artifact;

import java.util.List;

/**
 * The scan of a package's pickle-based weights files, taken on the stored bytes when the package was stored and
 * carried by the event that registers the package (so a package is never registered without its scan).
 *
 * @param scanner    which rules judged it (the safe and dangerous lists change; a reader can tell old verdicts)
 * @param level      the worst level of any file ({@link ScanLevel#SAFE} when no file is pickle-based)
 * @param files      each scanned file (at most {@link #MAX_FILES_LISTED}: the dangerous first)
 * @param notScanned paths of pickle-based files that were not scanned (not stored yet, or past the file bound)
 */
public record WeightsScan(String scanner, ScanLevel level, List<ScannedFile> files, List<String> notScanned) {

    /** Bounds what an event carries: events stay small (DynamoDB items are at most 400 KB). */
    public static final int MAX_FILES_LISTED = 100;
    public static final int MAX_IMPORTS_LISTED = 20;

    public WeightsScan {
        files = files == null ? List.of() : List.copyOf(files);
        notScanned = notScanned == null ? List.of() : List.copyOf(notScanned);
        level = level == null ? ScanLevel.SAFE : level;
    }

    public boolean dangerous() {
        return level == ScanLevel.DANGEROUS;
    }

    /** The dangerous files' paths. */
    public List<String> dangerousPaths() {
        return files.stream().filter(f -> f.level() == ScanLevel.DANGEROUS).map(ScannedFile::path).toList();
    }

    /** Every dangerous import of the package, each once. */
    public List<String> dangerousImports() {
        return files.stream().flatMap(f -> f.dangerousImports().stream()).distinct().toList();
    }
}
