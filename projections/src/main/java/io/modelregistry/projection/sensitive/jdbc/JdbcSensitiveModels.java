package io.modelregistry.projection.sensitive.jdbc;

import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.SensitiveModels;
import io.modelregistry.api.sensitive.SensitiveModelsWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The embedded sensitive-model read model: the H2 table {@code model_guard}, one row per model ever marked. */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcSensitiveModels implements SensitiveModels, SensitiveModelsWriter {

    private final JdbcTemplate jdbc;

    public JdbcSensitiveModels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ModelGuard> guard(String artifactId) {
        return jdbc.query("SELECT artifact_id, sensitive, program_sha256, program_bytes, program_attached_by, "
                        + "program_attached_at, changed_by, changed_at FROM model_guard WHERE artifact_id = ?",
                (rs, row) -> new ModelGuard(rs.getString(1), rs.getBoolean(2), rs.getString(3) == null ? null
                        : new ModelGuard.Program(rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), rs.getString(7), rs.getTimestamp(8).toInstant()),
                artifactId).stream().findFirst();
    }

    @Override
    public void sensitivity(String artifactId, boolean sensitive, String changedBy, Instant changedAt) {
        int updated = jdbc.update("UPDATE model_guard SET sensitive = ?, changed_by = ?, changed_at = ? "
                + "WHERE artifact_id = ?", sensitive, changedBy, Timestamp.from(changedAt), artifactId);
        if (updated == 0) {
            jdbc.update("INSERT INTO model_guard (artifact_id, sensitive, changed_by, changed_at) VALUES (?, ?, ?, ?)",
                    artifactId, sensitive, changedBy, Timestamp.from(changedAt));
        }
    }

    @Override
    public void program(String artifactId, ModelGuard.Program program, String changedBy, Instant changedAt) {
        Object[] values = program == null
                ? new Object[] {null, null, null, null, changedBy, Timestamp.from(changedAt), artifactId}
                : new Object[] {program.sha256(), program.bytes(), program.attachedBy(),
                        Timestamp.from(program.attachedAt()), changedBy, Timestamp.from(changedAt), artifactId};
        int updated = jdbc.update("UPDATE model_guard SET program_sha256 = ?, program_bytes = ?, program_attached_by = ?, "
                + "program_attached_at = ?, changed_by = ?, changed_at = ? WHERE artifact_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO model_guard (artifact_id, sensitive, changed_by, changed_at) VALUES (?, FALSE, ?, ?)",
                    artifactId, changedBy, Timestamp.from(changedAt));
            jdbc.update("UPDATE model_guard SET program_sha256 = ?, program_bytes = ?, program_attached_by = ?, "
                    + "program_attached_at = ?, changed_by = ?, changed_at = ? WHERE artifact_id = ?", values);
        }
    }

    @Override
    public void delete(String artifactId) {
        jdbc.update("DELETE FROM model_guard WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM model_guard");
    }
}
