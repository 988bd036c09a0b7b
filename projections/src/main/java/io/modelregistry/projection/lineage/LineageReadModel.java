package io.modelregistry.projection.lineage;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.lineage.DeclaredRelationship;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Query port of the lineage read model: artifacts, the relationships each declared, and their resolution to
 * registered artifacts, decided when read (see {@link TargetResolver}).
 */
@Component
public class LineageReadModel {

    /** Candidate declarations examined when looking for an artifact's children (a bound, not an expectation). */
    static final int MAX_INCOMING_CANDIDATES = 2_000;

    private static final String ARTIFACT_COLUMNS = "artifact_id, artifact_type, name, repo_id, source_kind, source_url, "
            + "repository_url, revision, declared, metadata_malformed";
    private static final String RELATIONSHIP_COLUMNS = "artifact_id, target, target_kind, relationship, source, evidence";

    private final JdbcTemplate jdbc;
    private final TargetResolver resolver;

    LineageReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.resolver = new TargetResolver(jdbc);
    }

    public Optional<LineageArtifact> artifact(String id) {
        return jdbc.query("SELECT " + ARTIFACT_COLUMNS + " FROM lineage_artifact WHERE artifact_id = ?",
                LineageReadModel::artifact, id).stream().findFirst();
    }

    /** What {@code id} declared, in declaration order, each resolved to the artifacts it names now. */
    public List<ResolvedRelationship> declaredBy(String id) {
        return jdbc.query("SELECT " + RELATIONSHIP_COLUMNS + " FROM lineage_relationship WHERE artifact_id = ? "
                        + "ORDER BY ordinal", LineageReadModel::owned, id).stream()
                .map(owned -> new ResolvedRelationship(id, owned.declared(), resolver.resolve(id, owned.declared())))
                .toList();
    }

    /** Declarations by other artifacts whose target resolves to {@code id}: its children, datasets' users, … */
    public List<ResolvedRelationship> declaring(String id) {
        Optional<LineageArtifact> target = artifact(id);
        if (target.isEmpty()) {
            return List.of();
        }
        String nameKey = TargetKeys.of(target.get().name()).key();
        String repoKey = target.get().repoId() == null ? "\u0000" : TargetKeys.of(target.get().repoId()).key();
        String repoLast = target.get().repoId() == null ? "\u0000" : TargetKeys.lastSegment(target.get().repoId());
        List<Owned> candidates = jdbc.query("SELECT " + RELATIONSHIP_COLUMNS + " FROM lineage_relationship "
                        + "WHERE artifact_id <> ? AND (target_key = ? OR target_key = ? OR target_flat = ? "
                        + "OR target_last = ? OR target_key = ?) ORDER BY artifact_id, ordinal LIMIT "
                        + MAX_INCOMING_CANDIDATES,
                LineageReadModel::owned, id, repoKey, nameKey, nameKey, nameKey, repoLast);
        List<ResolvedRelationship> incoming = new ArrayList<>();
        for (Owned candidate : candidates) {
            List<String> resolved = resolver.resolve(candidate.ownerId(), candidate.declared());
            if (resolved.contains(id)) {
                incoming.add(new ResolvedRelationship(candidate.ownerId(), candidate.declared(), resolved));
            }
        }
        return incoming;
    }

    /** The registered artifacts {@code id} depends on directly (parents, datasets, code), each once. */
    public List<String> dependencies(String id) {
        Set<String> ids = new LinkedHashSet<>();
        declaredBy(id).forEach(relationship -> ids.addAll(relationship.targetIds()));
        return List.copyOf(ids);
    }

    private record Owned(String ownerId, DeclaredRelationship declared) {
    }

    private static Owned owned(ResultSet rs, int row) throws SQLException {
        return new Owned(rs.getString(1), new DeclaredRelationship(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)));
    }

    private static LineageArtifact artifact(ResultSet rs, int row) throws SQLException {
        return new LineageArtifact(rs.getString(1), ArtifactType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                rs.getBoolean(10));
    }
}
