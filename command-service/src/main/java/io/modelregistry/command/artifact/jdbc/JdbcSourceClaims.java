package io.modelregistry.command.artifact.jdbc;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.claim.SourceClaim;
import io.modelregistry.api.claim.SourceClaims;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded claims: the H2 table {@code source_claim}, primary key on the source. Each method is one
 * auto-committed statement on a connection pool of its own (see {@link JdbcClaimsConfiguration}), never the
 * command's transaction: a claim is decided, and visible to every other registration, the moment it is written.
 */
public class JdbcSourceClaims implements SourceClaims {

    private static final String COLUMNS = "source_key, artifact_id, artifact_type, name, claimed_at";

    private final JdbcTemplate jdbc;

    public JdbcSourceClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claimIfAbsent(SourceClaim claim) {
        try {
            return jdbc.update("INSERT INTO source_claim (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", claim.sourceKey(),
                    claim.artifactId(), claim.type().name(), claim.name(), Timestamp.from(claim.claimedAt())) == 1;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    @Override
    public Optional<SourceClaim> bySource(String sourceKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM source_claim WHERE source_key = ?", JdbcSourceClaims::map,
                sourceKey).stream().findFirst();
    }

    @Override
    public List<SourceClaim> heldBy(String artifactId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM source_claim WHERE artifact_id = ? ORDER BY claimed_at",
                JdbcSourceClaims::map, artifactId);
    }

    @Override
    public boolean replace(SourceClaim expected, SourceClaim replacement) {
        if (!expected.sourceKey().equals(replacement.sourceKey())) {
            throw new IllegalArgumentException("a claim is replaced on the same source");
        }
        return jdbc.update("UPDATE source_claim SET artifact_id = ?, artifact_type = ?, name = ?, claimed_at = ? "
                        + "WHERE source_key = ? AND artifact_id = ? AND claimed_at = ?", replacement.artifactId(),
                replacement.type().name(), replacement.name(), Timestamp.from(replacement.claimedAt()),
                expected.sourceKey(), expected.artifactId(), Timestamp.from(expected.claimedAt())) == 1;
    }

    @Override
    public boolean release(String sourceKey, String artifactId) {
        return jdbc.update("DELETE FROM source_claim WHERE source_key = ? AND artifact_id = ?", sourceKey,
                artifactId) == 1;
    }

    @Override
    public void releaseAll() {
        jdbc.update("DELETE FROM source_claim");
    }

    private static SourceClaim map(ResultSet rs, int row) throws SQLException {
        return new SourceClaim(rs.getString(1), rs.getString(2), ArtifactType.valueOf(rs.getString(3)), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}
