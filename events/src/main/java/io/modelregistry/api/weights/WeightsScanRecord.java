package io.modelregistry.api.weights;

import io.modelregistry.api.artifact.WeightsScan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One package's scan as the read model keeps it, with the administrator's override if any.
 *
 * @param override null when no administrator allowed the package
 */
public record WeightsScanRecord(String artifactId, String packageDigest, String version, WeightsScan scan,
                                Override override) {

    /** Who allowed the package's downloads despite its scan, when and why. */
    public record Override(String by, Instant at, String reason) {
    }

    /** Whether a download of these dangerous weights must be refused: dangerous and not overridden. */
    public boolean refused() {
        return scan != null && scan.dangerous() && override == null;
    }

    /**
     * The JSON answer of the weights-scan endpoints (the extension document's {@code WeightsScanReport}) for one
     * version of a model; {@code record} null when its package was stored before scans existed.
     */
    public static Map<String, Object> body(String artifactId, String name, String version, String packageDigest,
                                           WeightsScanRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", artifactId);
        body.put("name", name);
        body.put("version", version);
        body.put("package_digest", packageDigest);
        body.put("scanned", record != null && record.scan() != null);
        body.put("download_refused", record != null && record.refused());
        if (record == null || record.scan() == null) {
            return body;
        }
        WeightsScan scan = record.scan();
        body.put("level", scan.level().wireName());
        body.put("scanner", scan.scanner());
        body.put("dangerous_imports", scan.dangerousImports());
        List<Map<String, Object>> files = scan.files().stream().map(file -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.path());
            entry.put("sha256", file.sha256());
            entry.put("level", file.level().wireName());
            entry.put("dangerous_imports", file.dangerousImports());
            entry.put("unknown_imports", file.unknownImports());
            if (file.problem() != null) {
                entry.put("problem", file.problem());
            }
            return entry;
        }).toList();
        body.put("files", files);
        body.put("not_scanned", scan.notScanned());
        if (record.override() != null) {
            Map<String, Object> override = new LinkedHashMap<>();
            override.put("by", record.override().by());
            override.put("at", record.override().at().toString());
            if (record.override().reason() != null) {
                override.put("reason", record.override().reason());
            }
            body.put("override", override);
        }
        return body;
    }
}
