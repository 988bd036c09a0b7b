package io.modelregistry.projection.audit.jdbc;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.audit.AuditEntry;
import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.audit.AuditTrailWriter;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The embedded audit trail: the H2 table {@code artifact_audit}, keyed by event id, ordered by its entry id. */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcAuditTrail implements AuditTrail, AuditTrailWriter {

    private final JdbcTemplate jdbc;

    public JdbcAuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditEntry> entriesFor(String artifactId, int limit) {
        return jdbc.query("SELECT username, is_admin, at, artifact_id, name, artifact_type, action, version FROM artifact_audit "
                        + "WHERE artifact_id = ? ORDER BY entry_id LIMIT ?",
                (rs, row) -> new AuditEntry(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), ArtifactType.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8)),
                artifactId, limit);
    }

    @Override
    public Map<String, Long> downloadCounts(Collection<String> artifactIds) {
        if (artifactIds.isEmpty()) {
            return Map.of();
        }
        if (artifactIds.size() > 100) {
            throw new IllegalArgumentException("at most 100 ids at once");
        }
        String marks = String.join(", ", Collections.nCopies(artifactIds.size(), "?"));
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT artifact_id, COUNT(*) FROM artifact_audit WHERE action = 'DOWNLOAD' AND artifact_id IN ("
                + marks + ") GROUP BY artifact_id", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, artifactIds.toArray());
        return counts;
    }

    @Override
    public void record(String eventId, AuditEntry e) {
        jdbc.update("MERGE INTO artifact_audit (event_id, artifact_id, artifact_type, name, action, username, is_admin, "
                        + "at, version) KEY (event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                eventId, e.artifactId(), e.artifactType().name(), e.artifactName(), e.action(), e.username(), e.admin(),
                Timestamp.from(e.at()), e.version());
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM artifact_audit");
    }
}
