package io.modelregistry.projection.directory;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.registry.RegistryReset;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the directory from artifact events. Writes are idempotent (MERGE by id), so a replay rebuilds the
 * same rows; the tracking token is stored in the same H2 transaction as the rows.
 */
@Component
@ProcessingGroup("directory")
class ArtifactDirectoryProjection {

    private final JdbcTemplate jdbc;

    ArtifactDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ArtifactRegistered event) {
        ArtifactContent c = event.content();
        jdbc.update("MERGE INTO artifact_directory (artifact_id, artifact_type, name, source_url, source_kind, repo_id, "
                        + "package_digest, bundle_bytes, declared_bytes, licence, note, registered_by, registered_at, "
                        + "updated_at) KEY (artifact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.artifactId(), event.type().name(), event.name(), c.sourceUrl(), c.source().kind().name(),
                c.source().repoId(), c.pkg().digest(), c.pkg().bundleBytes(), c.pkg().declaredBytes(), c.licence(),
                c.note(), event.actor().username(), Timestamp.from(event.at()), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(ArtifactUpdated event) {
        ArtifactContent c = event.content();
        jdbc.update("UPDATE artifact_directory SET source_url = ?, source_kind = ?, repo_id = ?, package_digest = ?, "
                        + "bundle_bytes = ?, declared_bytes = ?, licence = ?, note = ?, updated_at = ? WHERE artifact_id = ?",
                c.sourceUrl(), c.source().kind().name(), c.source().repoId(), c.pkg().digest(), c.pkg().bundleBytes(),
                c.pkg().declaredBytes(), c.licence(), c.note(), Timestamp.from(event.at()), event.artifactId());
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        jdbc.update("DELETE FROM artifact_directory WHERE artifact_id = ?", event.artifactId());
    }

    @EventHandler
    void on(RegistryReset event) {
        jdbc.update("DELETE FROM artifact_directory");
    }

    @ResetHandler
    void onReplay() {
        jdbc.update("DELETE FROM artifact_directory");
    }
}
