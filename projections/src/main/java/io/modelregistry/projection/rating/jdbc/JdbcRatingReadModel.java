package io.modelregistry.projection.rating.jdbc;

import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.rating.IngestRefusal;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.rating.RatingReadModelWriter;
import io.modelregistry.api.rating.StoredRating;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.projection.rating.RatingJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded ratings read model: H2 tables for the latest rating per model (with lower-cased repo id and
 * name columns for the tree-score look-up), every rating in order, and the refused ingests; outcomes as JSON.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcRatingReadModel implements RatingReadModel, RatingReadModelWriter {

    private static final int MAX_MESSAGE_CHARS = 4000;

    private final JdbcTemplate jdbc;

    public JdbcRatingReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredRating> latest(String artifactId) {
        return jdbc.query("SELECT artifact_id, rating_json, username, rated_at, version FROM model_rating "
                        + "WHERE artifact_id = ?", JdbcRatingReadModel::stored, artifactId).stream().findFirst();
    }

    /** Ratings recorded before versions have no per-version row: they rated the default version, the latest. */
    @Override
    public Optional<StoredRating> latest(String artifactId, String version) {
        List<StoredRating> perVersion = jdbc.query("SELECT artifact_id, rating_json, username, rated_at, version "
                + "FROM model_version_rating WHERE artifact_id = ? LIMIT 1000", JdbcRatingReadModel::stored, artifactId);
        Optional<StoredRating> found = perVersion.stream()
                .filter(rating -> SemanticVersions.same(rating.version(), version)).findFirst();
        return found.isPresent() || !perVersion.isEmpty() ? found
                : latest(artifactId).filter(rating -> SemanticVersions.same(rating.version(), version));
    }

    @Override
    public List<StoredRating> history(String artifactId, int limit) {
        return jdbc.query("SELECT artifact_id, rating_json, username, rated_at, version FROM model_rating_history "
                        + "WHERE artifact_id = ? ORDER BY entry_id LIMIT ?", JdbcRatingReadModel::stored,
                artifactId, limit);
    }

    private static StoredRating stored(ResultSet rs, int row) throws SQLException {
        return new StoredRating(rs.getString(1), RatingJson.read(rs.getString(2)), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5));
    }

    @Override
    public List<IngestRefusal> refusals(int limit) {
        return jdbc.query("SELECT source_url, name, message, rating_json, username, refused_at FROM model_ingest_refusal "
                        + "ORDER BY entry_id DESC LIMIT ?",
                (rs, row) -> new IngestRefusal(rs.getString(1), rs.getString(2), rs.getString(3),
                        RatingJson.read(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant()), limit);
    }

    @Override
    public List<RatedModel> find(String repoIdOrName, int limit) {
        if (repoIdOrName == null || repoIdOrName.isBlank() || repoIdOrName.length() > 512) {
            return List.of();
        }
        String key = repoIdOrName.strip().toLowerCase(Locale.ROOT);
        return jdbc.query("SELECT artifact_id, name, repo_id_lc, net_score FROM model_rating WHERE failed = FALSE "
                        + "AND (repo_id_lc = ? OR repo_name_lc = ? OR LOWER(name) = ?) ORDER BY rated_at DESC LIMIT ?",
                (rs, row) -> new RatedModel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4)),
                key, key, key, Math.max(1, Math.min(limit, 100)));
    }

    @Override
    public void recordRating(String eventId, StoredRating rating) {
        RatingOutcome outcome = rating.outcome();
        String json = RatingJson.write(outcome);
        String repoId = outcome.repoId() == null ? null : outcome.repoId().toLowerCase(Locale.ROOT);
        String repoName = repoId == null ? null : repoId.substring(repoId.indexOf('/') + 1);
        Timestamp at = Timestamp.from(rating.ratedAt());
        String version = rating.version();
        // the artifact's latest rating is of its highest version rated: rating an older version leaves it alone
        String current = jdbc.query("SELECT version FROM model_rating WHERE artifact_id = ?",
                (rs, row) -> rs.getString(1), rating.artifactId()).stream().findFirst()
                .map(v -> v == null ? ArtifactContent.DEFAULT_VERSION : v).orElse(null);
        if (current == null || SemanticVersions.PRECEDENCE.compare(version, current) >= 0) {
            jdbc.update("MERGE INTO model_rating (artifact_id, name, repo_id_lc, repo_name_lc, net_score, failed, "
                            + "vetted, rating_json, username, rated_at, event_id, version) KEY (artifact_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rating.artifactId(), outcome.rating().name(), repoId, repoName,
                    outcome.rating().scores().netScore(), outcome.failed(), outcome.vetted(), json, rating.ratedBy(),
                    at, eventId, version);
        }
        jdbc.update("MERGE INTO model_version_rating (artifact_id, version, rating_json, username, rated_at, event_id) "
                + "KEY (artifact_id, version) VALUES (?, ?, ?, ?, ?, ?)", rating.artifactId(), version, json,
                rating.ratedBy(), at, eventId);
        jdbc.update("MERGE INTO model_rating_history (event_id, artifact_id, rating_json, username, rated_at, version) "
                + "KEY (event_id) VALUES (?, ?, ?, ?, ?, ?)", eventId, rating.artifactId(), json, rating.ratedBy(), at,
                version);
    }

    @Override
    public void recordRefusal(String eventId, IngestRefusal refusal) {
        jdbc.update("MERGE INTO model_ingest_refusal (event_id, source_url, name, message, rating_json, username, "
                        + "refused_at) KEY (event_id) VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, refusal.sourceUrl(),
                refusal.name(), abbreviate(refusal.message()), RatingJson.write(refusal.outcome()), refusal.refusedBy(),
                Timestamp.from(refusal.refusedAt()));
    }

    @Override
    public void deleteFor(String artifactId) {
        jdbc.update("DELETE FROM model_rating WHERE artifact_id = ?", artifactId);
        jdbc.update("DELETE FROM model_rating_history WHERE artifact_id = ?", artifactId);
        jdbc.update("DELETE FROM model_version_rating WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM model_rating");
        jdbc.update("DELETE FROM model_rating_history");
        jdbc.update("DELETE FROM model_version_rating");
        jdbc.update("DELETE FROM model_ingest_refusal");
    }

    /** The column's bound; the log keeps the whole message. */
    private static String abbreviate(String message) {
        return message == null ? "" : message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
