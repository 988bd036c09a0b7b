package io.modelregistry.projection.audit;

import io.modelregistry.api.artifact.ArtifactType;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Query port of the audit read model: who did what to an artifact, oldest first. */
@Component
public class AuditTrail {

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> entriesFor(String artifactId, int limit) {
        return jdbc.query("SELECT username, is_admin, at, artifact_id, name, artifact_type, action FROM artifact_audit "
                        + "WHERE artifact_id = ? ORDER BY entry_id LIMIT ?",
                (rs, row) -> new AuditEntry(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), ArtifactType.valueOf(rs.getString(6)), rs.getString(7)),
                artifactId, limit);
    }
}
