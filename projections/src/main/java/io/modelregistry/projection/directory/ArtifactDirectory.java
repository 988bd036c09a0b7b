package io.modelregistry.projection.directory;

import io.modelregistry.api.artifact.ArtifactType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Query port of the directory read model: one row per live artifact. */
@Component
public class ArtifactDirectory {

    private static final String COLUMNS = "artifact_id, artifact_type, name, source_url, source_kind, repo_id, "
            + "package_digest, bundle_bytes, declared_bytes, licence, note, registered_by, registered_at, updated_at";

    private final JdbcTemplate jdbc;

    ArtifactDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ArtifactRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM artifact_directory WHERE artifact_id = ?",
                ArtifactDirectory::map, id).stream().findFirst();
    }

    public Optional<ArtifactRecord> find(ArtifactType type, String id) {
        return find(id).filter(record -> record.type() == type);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM artifact_directory", Long.class);
        return count == null ? 0 : count;
    }

    private static ArtifactRecord map(ResultSet rs, int row) throws SQLException {
        return new ArtifactRecord(rs.getString(1), ArtifactType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
                rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant());
    }
}
