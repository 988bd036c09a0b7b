package io.modelregistry.projection.lineage;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.registry.RegistryReset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the lineage read model. Each artifact's row is written by id (MERGE) and its declared relationships
 * are replaced as a whole, so a replay writes the same rows again. Nothing is resolved here: resolution
 * happens when read, so registrations and deletions in any order give the same graph.
 */
@Component
@ProcessingGroup("lineage")
class LineageProjection {

    private final JdbcTemplate jdbc;

    LineageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        SourceRef source = event.content().source();
        jdbc.update("MERGE INTO lineage_artifact (artifact_id, artifact_type, name, name_key, repo_id, repo_key, repo_last, "
                        + "source_kind, source_url, repository_url, revision, declared, metadata_malformed) KEY (artifact_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE)",
                event.artifactId(), event.type().name(), event.name(), TargetKeys.of(event.name()).key(),
                repoId(source), repoKey(source), repoLast(source), source == null ? null : source.kind().name(),
                event.content().sourceUrl(), repositoryUrl(event.content()), source == null ? null : source.revision());
    }

    @EventHandler
    void on(ArtifactUpdated event) {
        SourceRef source = event.content().source();
        jdbc.update("UPDATE lineage_artifact SET repo_id = ?, repo_key = ?, repo_last = ?, source_kind = ?, source_url = ?, "
                        + "repository_url = ?, revision = ? WHERE artifact_id = ?",
                repoId(source), repoKey(source), repoLast(source), source == null ? null : source.kind().name(),
                event.content().sourceUrl(), repositoryUrl(event.content()), source == null ? null : source.revision(),
                event.artifactId());
    }

    @EventHandler
    void on(ArtifactRelationshipsDeclared event) {
        jdbc.update("DELETE FROM lineage_relationship WHERE artifact_id = ?", event.artifactId());
        List<Object[]> rows = new ArrayList<>();
        int ordinal = 0;
        for (DeclaredRelationship r : event.relationships()) {
            if (ordinal >= ArtifactRelationshipsDeclared.MAX_RELATIONSHIPS) {
                break;
            }
            TargetKeys keys = TargetKeys.of(r.target());
            rows.add(new Object[] {event.artifactId(), ordinal++, r.target(), keys.key(), keys.flat(), keys.last(),
                    r.targetKind(), r.relationship(), r.source(), r.evidence()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO lineage_relationship (artifact_id, ordinal, target, target_key, target_flat, "
                    + "target_last, target_kind, relationship, source, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
        jdbc.update("UPDATE lineage_artifact SET declared = TRUE, metadata_malformed = ? WHERE artifact_id = ?",
                event.metadataMalformed(), event.artifactId());
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        jdbc.update("DELETE FROM lineage_relationship WHERE artifact_id = ?", event.artifactId());
        jdbc.update("DELETE FROM lineage_artifact WHERE artifact_id = ?", event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        clear();
    }

    @ResetHandler
    void onReplay() {
        clear();
    }

    private void clear() {
        jdbc.update("DELETE FROM lineage_relationship");
        jdbc.update("DELETE FROM lineage_artifact");
    }

    private static String repoId(SourceRef source) {
        return source == null ? null : source.repoId();
    }

    private static String repoKey(SourceRef source) {
        return source == null || source.repoId() == null ? null : TargetKeys.of(source.repoId()).key();
    }

    private static String repoLast(SourceRef source) {
        return source == null ? null : TargetKeys.lastSegment(source.repoId());
    }

    private static String repositoryUrl(ArtifactContent content) {
        SourceRef source = content.source();
        return source != null && source.canonicalUrl() != null ? source.canonicalUrl() : content.sourceUrl();
    }
}
