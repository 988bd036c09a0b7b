package io.modelregistry.projection.directory.jdbc;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.directory.ArtifactRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded directory: one row per live artifact in the H2 table {@code artifact_directory}. Writes run in
 * the projection's transaction, so the rows and the processor's token move together.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcArtifactDirectory implements ArtifactDirectory, ArtifactDirectoryWriter {

    private static final String COLUMNS = "artifact_id, artifact_type, name, source_url, source_kind, repo_id, "
            + "package_digest, bundle_bytes, declared_bytes, licence, note, registered_by, registered_at, updated_at";

    private final JdbcTemplate jdbc;

    public JdbcArtifactDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ArtifactRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM artifact_directory WHERE artifact_id = ?",
                JdbcArtifactDirectory::map, id).stream().findFirst();
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM artifact_directory", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void upsert(ArtifactRecord r) {
        jdbc.update("MERGE INTO artifact_directory (" + COLUMNS + ") KEY (artifact_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.type().name(), r.name(), r.sourceUrl(), r.sourceKind(), r.repoId(), r.packageDigest(),
                r.bundleBytes(), r.declaredBytes(), r.licence(), r.note(), r.registeredBy(),
                Timestamp.from(r.registeredAt()), Timestamp.from(r.updatedAt()));
    }

    @Override
    public void delete(String artifactId) {
        jdbc.update("DELETE FROM artifact_directory WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM artifact_directory");
    }

    private static ArtifactRecord map(ResultSet rs, int row) throws SQLException {
        return new ArtifactRecord(rs.getString(1), ArtifactType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
                rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant());
    }
}
