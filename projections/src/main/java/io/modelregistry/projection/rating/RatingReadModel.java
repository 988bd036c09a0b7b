package io.modelregistry.projection.rating;

import io.modelregistry.api.rating.RatedModels;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Query port of the ratings read model: a model's latest rating, its history, the refused ingests, and (as
 * the {@link RatedModels} port of the command side) the rated models a child's tree score looks for.
 */
@Component
public class RatingReadModel implements RatedModels {

    private final JdbcTemplate jdbc;

    RatingReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredRating> latest(String artifactId) {
        return jdbc.query("SELECT artifact_id, rating_json, username, rated_at FROM model_rating WHERE artifact_id = ?",
                (rs, row) -> new StoredRating(rs.getString(1), RatingJson.read(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), artifactId).stream().findFirst();
    }

    /** Oldest first, at most {@code limit}. */
    public List<StoredRating> history(String artifactId, int limit) {
        return jdbc.query("SELECT artifact_id, rating_json, username, rated_at FROM model_rating_history "
                        + "WHERE artifact_id = ? ORDER BY entry_id LIMIT ?",
                (rs, row) -> new StoredRating(rs.getString(1), RatingJson.read(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), artifactId, limit);
    }

    /** Newest first, at most {@code limit}. */
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
}
