package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.hub.RepoPaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which listed files are worth storing in the bundle now: the small text files that describe a model or
 * dataset (README.md, config.json, other json/md/txt/py/yaml/cfg files, licence-like files), each at most
 * 1 MiB, at most {@value IngestLimits#STORED_FILES} of them and 32 MiB together. README.md is asked for
 * whatever its size (its start feeds the readme document even when it is too big to store). README.md and
 * config.json come first, then the file the URL pointed at, then root files before nested ones. Weights
 * are only listed.
 */
final class EagerFilePolicy {

    /** Always fetched, whatever its size: over 1 MiB it is not stored, but its start still feeds the readme. */
    static final String README = "README.md";
    private static final Set<String> TEXT_EXTENSIONS = Set.of("json", "md", "txt", "py", "yaml", "yml", "cfg",
            "toml", "cff");
    /** Base names (any or no extension) that carry licence or card information. */
    private static final Set<String> CARD_LIKE_NAMES = Set.of("license", "licence", "notice", "copying", "readme",
            "model_card", "modelcard", "citation", "use_policy");

    private EagerFilePolicy() {
    }

    /** @param requestedPath the file or folder the source URL pointed into, or null */
    static List<String> select(List<PackageFile> listing, String requestedPath) {
        List<PackageFile> candidates = new ArrayList<>();
        for (PackageFile file : listing) {
            boolean readme = file.path().equals(README);
            if (RepoPaths.isStorable(file.path()) && (readme || file.sizeBytes() <= IngestLimits.STORED_FILE_BYTES)
                    && (isTextLike(file.path()) || file.path().equals(requestedPath))) {
                candidates.add(file);
            }
        }
        candidates.sort(Comparator.comparingInt((PackageFile f) -> priority(f.path(), requestedPath))
                .thenComparing(PackageFile::path));
        List<String> selected = new ArrayList<>();
        long total = 0;
        for (PackageFile file : candidates) {
            if (selected.size() >= IngestLimits.STORED_FILES) {
                break;
            }
            long bytes = Math.min(file.sizeBytes(), IngestLimits.STORED_FILE_BYTES); // a README is read at most so far
            if (total + bytes > IngestLimits.BUNDLE_BYTES) {
                continue;
            }
            total += bytes;
            selected.add(file.path());
        }
        return selected;
    }

    private static int priority(String path, String requestedPath) {
        if (path.equals(README)) {
            return 0;
        }
        if (path.equals("config.json")) {
            return 1;
        }
        if (path.equals(requestedPath)) {
            return 2;
        }
        return path.contains("/") ? 4 : 3;
    }

    static boolean isTextLike(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        return TEXT_EXTENSIONS.contains(extension) || CARD_LIKE_NAMES.contains(base);
    }
}
