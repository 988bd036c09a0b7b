package io.modelregistry.projection.lineage.jdbc;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.LineageArtifact;
import io.modelregistry.api.lineage.LineageStore;
import io.modelregistry.api.lineage.LineageWriter;
import io.modelregistry.api.lineage.TargetKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded lineage read model: H2 tables {@code lineage_artifact} and {@code lineage_relationship}, with
 * the {@link TargetKeys} of names (also compact and without a variant suffix), repo ids and targets (also compact)
 * stored in indexed columns for the look-ups.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcLineageStore implements LineageStore, LineageWriter {

    private static final String ARTIFACT_COLUMNS = "artifact_id, artifact_type, name, repo_id, source_kind, source_url, "
            + "repository_url, revision, declared, metadata_malformed";
    private static final String RELATIONSHIP_COLUMNS = "artifact_id, target, target_kind, relationship, source, evidence";

    private final JdbcTemplate jdbc;

    public JdbcLineageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LineageArtifact> artifact(String id) {
        return jdbc.query("SELECT " + ARTIFACT_COLUMNS + " FROM lineage_artifact WHERE artifact_id = ?",
                JdbcLineageStore::artifact, id).stream().findFirst();
    }

    @Override
    public List<DeclaredRelationship> declaredBy(String id) {
        return jdbc.query("SELECT " + RELATIONSHIP_COLUMNS + " FROM lineage_relationship WHERE artifact_id = ? "
                + "ORDER BY ordinal", (rs, row) -> owned(rs, row).declared(), id);
    }

    @Override
    public List<LineageArtifact> artifactsMatching(String excludedId, ArtifactKeys keys, int limit) {
        List<Object> args = new ArrayList<>(List.of(excludedId));
        String any = anyOf(args, "repo_key", keys.repoKeys()) + " OR " + anyOf(args, "name_key", keys.nameKeys())
                + " OR " + anyOf(args, "repo_last", keys.repoLasts())
                + " OR " + anyOf(args, "name_compact", keys.nameCompacts())
                + " OR " + anyOf(args, "name_base", keys.nameBases());
        args.add(limit);
        return jdbc.query("SELECT " + ARTIFACT_COLUMNS + " FROM lineage_artifact WHERE artifact_id <> ? AND (" + any
                + ") ORDER BY artifact_id LIMIT ?", JdbcLineageStore::artifact, args.toArray());
    }

    @Override
    public List<OwnedRelationship> relationshipsMatching(String excludedOwner, RelationshipKeys keys, int limit) {
        List<Object> args = new ArrayList<>(List.of(excludedOwner));
        String any = anyOf(args, "target_key", keys.targetKeys()) + " OR " + anyOf(args, "target_flat", keys.flatKeys())
                + " OR " + anyOf(args, "target_last", keys.lastKeys())
                + " OR " + anyOf(args, "target_compact", keys.compactKeys());
        args.add(limit);
        return jdbc.query("SELECT " + RELATIONSHIP_COLUMNS + " FROM lineage_relationship WHERE artifact_id <> ? AND ("
                + any + ") ORDER BY artifact_id, ordinal LIMIT ?", JdbcLineageStore::owned, args.toArray());
    }

    @Override
    public void putArtifact(LineageArtifact a) {
        jdbc.update("MERGE INTO lineage_artifact (artifact_id, artifact_type, name, name_key, name_compact, name_base, "
                        + "repo_id, repo_key, repo_last, source_kind, source_url, repository_url, revision, declared, "
                        + "metadata_malformed) KEY (artifact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.type().name(), a.name(), TargetKeys.of(a.name()).key(), TargetKeys.compactOf(a.name()),
                TargetKeys.variantBaseOf(a.name()), a.repoId(),
                a.repoId() == null ? null : TargetKeys.of(a.repoId()).key(), TargetKeys.lastSegment(a.repoId()),
                a.sourceKind(), a.sourceUrl(), a.repositoryUrl(), a.revision(), a.declared(), a.metadataMalformed());
    }

    @Override
    public void replaceDeclarations(String artifactId, List<DeclaredRelationship> relationships) {
        jdbc.update("DELETE FROM lineage_relationship WHERE artifact_id = ?", artifactId);
        List<Object[]> rows = new ArrayList<>();
        int ordinal = 0;
        for (DeclaredRelationship r : relationships) {
            if (ordinal >= ArtifactRelationshipsDeclared.MAX_RELATIONSHIPS) {
                break;
            }
            TargetKeys keys = TargetKeys.of(r.target());
            rows.add(new Object[] {artifactId, ordinal++, r.target(), keys.key(), keys.flat(), keys.last(),
                    TargetKeys.compactOf(keys.last()), r.targetKind(), r.relationship(), r.source(), r.evidence()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO lineage_relationship (artifact_id, ordinal, target, target_key, target_flat, "
                    + "target_last, target_compact, target_kind, relationship, source, evidence) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    @Override
    public void delete(String artifactId) {
        jdbc.update("DELETE FROM lineage_relationship WHERE artifact_id = ?", artifactId);
        jdbc.update("DELETE FROM lineage_artifact WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM lineage_relationship");
        jdbc.update("DELETE FROM lineage_artifact");
    }

    /** {@code column IN (?, …)}, or a condition that is never true for an empty set. */
    private static String anyOf(List<Object> args, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return "FALSE";
        }
        args.addAll(values);
        return column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
    }

    private static OwnedRelationship owned(ResultSet rs, int row) throws SQLException {
        return new OwnedRelationship(rs.getString(1), new DeclaredRelationship(rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)));
    }

    private static LineageArtifact artifact(ResultSet rs, int row) throws SQLException {
        return new LineageArtifact(rs.getString(1), ArtifactType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                rs.getBoolean(10));
    }
}
