package io.modelregistry.projection.rating;

import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.rating.ModelIngestRefused;
import io.modelregistry.api.rating.ModelRated;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.registry.RegistryReset;
import java.sql.Timestamp;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the ratings read model: the latest rating per model (what {@code /rate} answers), every rating in
 * order (the history), and the refused ingests. Idempotent writes (MERGE by artifact id or event id), so a
 * replay rebuilds the same rows; a reset or a delete clears them, the log keeps them.
 */
@Component
@ProcessingGroup("ratings")
class RatingProjection {

    private final JdbcTemplate jdbc;

    RatingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ModelRated event, @MessageIdentifier String eventId) {
        RatingOutcome outcome = event.outcome();
        String json = RatingJson.write(outcome);
        String repoId = outcome.repoId() == null ? null : outcome.repoId().toLowerCase(Locale.ROOT);
        String repoName = repoId == null ? null : repoId.substring(repoId.indexOf('/') + 1);
        Timestamp at = Timestamp.from(event.at());
        jdbc.update("MERGE INTO model_rating (artifact_id, name, repo_id_lc, repo_name_lc, net_score, failed, vetted, "
                        + "rating_json, username, rated_at, event_id) KEY (artifact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.artifactId(), outcome.rating().name(), repoId, repoName, outcome.rating().scores().netScore(),
                outcome.failed(), outcome.vetted(), json, event.actor().username(), at, eventId);
        jdbc.update("MERGE INTO model_rating_history (event_id, artifact_id, rating_json, username, rated_at) "
                + "KEY (event_id) VALUES (?, ?, ?, ?, ?)", eventId, event.artifactId(), json, event.actor().username(), at);
    }

    @EventHandler
    void on(ModelIngestRefused event, @MessageIdentifier String eventId) {
        jdbc.update("MERGE INTO model_ingest_refusal (event_id, source_url, name, message, rating_json, username, "
                        + "refused_at) KEY (event_id) VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, event.sourceUrl(), event.name(),
                abbreviate(event.message()), RatingJson.write(event.outcome()), event.actor().username(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(ArtifactDeleted event) {
        jdbc.update("DELETE FROM model_rating WHERE artifact_id = ?", event.artifactId());
        jdbc.update("DELETE FROM model_rating_history WHERE artifact_id = ?", event.artifactId());
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
        jdbc.update("DELETE FROM model_rating");
        jdbc.update("DELETE FROM model_rating_history");
        jdbc.update("DELETE FROM model_ingest_refusal");
    }

    private static String abbreviate(String message) {
        return message == null ? "" : message.length() <= 4000 ? message : message.substring(0, 4000) + "…";
    }
}
