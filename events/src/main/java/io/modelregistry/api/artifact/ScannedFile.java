package io.modelregistry.api.artifact;

import java.util.List;

/**
 * What the scan of one pickle-based weights file found.
 *
 * @param path             the file's path in the package
 * @param sha256           the blob scanned
 * @param level            the file's level
 * @param dangerousImports the dangerous imports, as {@code module.name} (each once, at most
 *                         {@link WeightsScan#MAX_IMPORTS_LISTED})
 * @param unknownImports   imports on neither list, as {@code module.name} (same bound)
 * @param problem          why the file could not be fully read (malformed pickle, a bound reached), or why it is
 *                         no pickle at all; null when it read cleanly
 */
public record ScannedFile(String path, String sha256, ScanLevel level, List<String> dangerousImports,
                          List<String> unknownImports, String problem) {

    public ScannedFile {
        dangerousImports = dangerousImports == null ? List.of() : List.copyOf(dangerousImports);
        unknownImports = unknownImports == null ? List.of() : List.copyOf(unknownImports);
        level = level == null ? ScanLevel.SUSPICIOUS : level;
    }
}
