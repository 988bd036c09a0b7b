package io.modelregistry.projection.directory.jdbc;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactDirectoryWriter;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.version.SemanticVersions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded directory: one row per live artifact (its latest version) in the H2 table
 * {@code artifact_directory}, and one per version in {@code artifact_version}. Writes run in the projection's
 * transaction, so the rows and the processor's token move together. A directory filled before versions existed
 * has no version rows: its artifacts' one version is the directory row.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcArtifactDirectory implements ArtifactDirectory, ArtifactDirectoryWriter {

    private static final String COLUMNS = "artifact_id, artifact_type, name, source_url, source_kind, repo_id, "
            + "package_digest, bundle_bytes, declared_bytes, licence, note, registered_by, registered_at, updated_at, "
            + "version";
    /** An artifact has few versions; this bounds what one read returns even if it had many. */
    private static final int MAX_VERSIONS_READ = 1_000;

    private final JdbcTemplate jdbc;

    public JdbcArtifactDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ArtifactRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM artifact_directory WHERE artifact_id = ?",
                JdbcArtifactDirectory::map, id).stream().findFirst();
    }

    /** One statement, so one committed state of the table: a group's artifacts are all there or none is. */
    @Override
    public List<ArtifactRecord> findAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query("SELECT " + COLUMNS + " FROM artifact_directory WHERE artifact_id IN (" + marks + ")",
                JdbcArtifactDirectory::map, ids.toArray());
    }

    @Override
    public List<ArtifactRecord> versions(String id) {
        List<ArtifactRecord> versions = new ArrayList<>(jdbc.query("SELECT " + COLUMNS
                        + " FROM artifact_version WHERE artifact_id = ? LIMIT " + MAX_VERSIONS_READ,
                JdbcArtifactDirectory::map, id));
        if (versions.isEmpty()) {
            return find(id).map(List::of).orElse(List.of());
        }
        versions.sort((a, b) -> SemanticVersions.PRECEDENCE.compare(b.version(), a.version()));
        return List.copyOf(versions);
    }

    @Override
    public Set<String> livePackageDigests() {
        Set<String> digests = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT package_digest FROM artifact_version", String.class));
        digests.addAll(jdbc.queryForList("SELECT DISTINCT package_digest FROM artifact_directory", String.class));
        return digests;
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM artifact_directory", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void upsert(ArtifactRecord r) {
        merge("artifact_directory", "artifact_id", r);
    }

    /**
     * An artifact registered before versions existed has no version rows: its directory row (its one version,
     * with a null version column) is copied in first, so the new version does not hide it.
     */
    @Override
    public void upsertVersion(ArtifactRecord r) {
        jdbc.update("INSERT INTO artifact_version (" + COLUMNS + ") SELECT artifact_id, artifact_type, name, "
                + "source_url, source_kind, repo_id, package_digest, bundle_bytes, declared_bytes, licence, note, "
                + "registered_by, registered_at, updated_at, COALESCE(version, '"
                + ArtifactContent.DEFAULT_VERSION + "') FROM artifact_directory "
                + "WHERE artifact_id = ? AND NOT EXISTS (SELECT 1 FROM artifact_version WHERE artifact_id = ?)",
                r.id(), r.id());
        merge("artifact_version", "artifact_id, version", r);
    }

    private void merge(String table, String key, ArtifactRecord r) {
        jdbc.update("MERGE INTO " + table + " (" + COLUMNS + ") KEY (" + key + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.type().name(), r.name(), r.sourceUrl(), r.sourceKind(), r.repoId(), r.packageDigest(),
                r.bundleBytes(), r.declaredBytes(), r.licence(), r.note(), r.registeredBy(),
                Timestamp.from(r.registeredAt()), Timestamp.from(r.updatedAt()), r.version());
    }

    @Override
    public void delete(String artifactId) {
        jdbc.update("DELETE FROM artifact_directory WHERE artifact_id = ?", artifactId);
        jdbc.update("DELETE FROM artifact_version WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM artifact_directory");
        jdbc.update("DELETE FROM artifact_version");
    }

    private static ArtifactRecord map(ResultSet rs, int row) throws SQLException {
        return new ArtifactRecord(rs.getString(1), ArtifactType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
                rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant(), rs.getString(15));
    }
}
