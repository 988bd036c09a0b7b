package io.modelregistry.api.sensitive;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What guards a model's downloads: whether it is sensitive, and its monitor program ({@code null}: none attached).
 * A model that was never marked has no guard at all ({@link SensitiveModels#guard} is empty).
 */
public record ModelGuard(String artifactId, boolean sensitive, Program program, String changedBy,
                         Instant changedAt) {

    /** A monitor program: the blob of its bytes, their length, and who attached it when. */
    public record Program(String sha256, long bytes, String attachedBy, Instant attachedAt) {
    }

    /** The largest monitor program a model may have: a script, not a bundle of dependencies. */
    public static final int MAX_PROGRAM_BYTES = 256 * 1024;

    /** The JSON answer of the sensitivity endpoints (the extension document's {@code ModelSensitivity}). */
    public static Map<String, Object> body(String artifactId, String name, ModelGuard guard) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", artifactId);
        body.put("name", name);
        body.put("sensitive", guard != null && guard.sensitive());
        if (guard != null && guard.program() != null) {
            Map<String, Object> program = new LinkedHashMap<>();
            program.put("sha256", guard.program().sha256());
            program.put("bytes", guard.program().bytes());
            program.put("attached_by", guard.program().attachedBy());
            program.put("attached_at", guard.program().attachedAt().toString());
            body.put("monitor", program);
        }
        return body;
    }
}
