package io.modelregistry.command.artifact;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.error.RegistryException;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Command-side lookup of the artifacts that currently exist and the source each was ingested from.
 * It is written inside the same transaction that appends the artifact's events (set-based validation the
 * Axon way), so "duplicate source" and "does this id exist since the last reset" are decided atomically.
 */
@Component
public class ArtifactClaims {

    private final JdbcTemplate jdbc;

    ArtifactClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when an artifact of this type was already ingested from this source (and not deleted). */
    public boolean isClaimed(ArtifactType type, SourceRef source) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM artifact_claim WHERE source_key = ?",
                Integer.class, source.duplicateKey(type));
        return count != null && count > 0;
    }

    /** The name of a live artifact of this type, or empty when there is none (never, deleted, or reset). */
    public Optional<String> liveName(String artifactId, ArtifactType type) {
        return jdbc.query("SELECT name FROM artifact_claim WHERE artifact_id = ? AND artifact_type = ?",
                (rs, row) -> rs.getString(1), artifactId, type.wireName()).stream().findFirst();
    }

    void claim(String artifactId, ArtifactType type, String name, String sourceKey) {
        try {
            jdbc.update("INSERT INTO artifact_claim (artifact_id, artifact_type, name, source_key) VALUES (?, ?, ?, ?)",
                    artifactId, type.wireName(), name, sourceKey);
        } catch (DuplicateKeyException e) {
            throw RegistryException.conflict("A " + type.wireName() + " from this source is already registered.");
        }
    }

    void reclaim(String artifactId, String sourceKey) {
        try {
            jdbc.update("UPDATE artifact_claim SET source_key = ? WHERE artifact_id = ?", sourceKey, artifactId);
        } catch (DuplicateKeyException e) {
            throw RegistryException.conflict("Another artifact of this type is already registered from this source.");
        }
    }

    void release(String artifactId) {
        jdbc.update("DELETE FROM artifact_claim WHERE artifact_id = ?", artifactId);
    }

    /** Part of a registry reset: no artifact exists any more. */
    public void releaseAll() {
        jdbc.update("DELETE FROM artifact_claim");
    }
}
