package io.modelregistry.projection.card.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.card.ArtifactCard;
import io.modelregistry.api.card.ArtifactCardWriter;
import io.modelregistry.api.card.ArtifactCards;
import io.modelregistry.projection.card.CardPrecedence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded card read model: one H2 row per artifact version, the document references as JSON (an upcast old
 * event may carry its document text inline, and the row keeps it). The latest version is chosen by semantic-version
 * precedence among an artifact's few rows, so pre-releases sort below their release.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcArtifactCards implements ArtifactCards, ArtifactCardWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Comparator<ArtifactCard> PRECEDENCE = CardPrecedence.ORDER;

    private final JdbcTemplate jdbc;

    public JdbcArtifactCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "artifact_id, artifact_type, name, version, source_url, source_kind, licence,"
            + " task, library, tags_json, documents_json, at";
    private static final int MAX_IDS = 100;

    @Override
    public Optional<ArtifactCard> find(String artifactId, Optional<String> version) {
        List<ArtifactCard> rows = jdbc.query("SELECT " + COLUMNS + " FROM artifact_card WHERE artifact_id = ?",
                (rs, n) -> card(rs), artifactId);
        if (version.isPresent()) {
            return rows.stream().filter(card -> card.version().equals(version.get())).findFirst();
        }
        return rows.stream().max(PRECEDENCE);
    }

    @Override
    public Map<String, ArtifactCard> latest(Collection<String> artifactIds) {
        if (artifactIds.isEmpty()) {
            return Map.of();
        }
        if (artifactIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids at once");
        }
        String marks = artifactIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        List<ArtifactCard> rows = jdbc.query("SELECT " + COLUMNS + " FROM artifact_card WHERE artifact_id IN (" + marks
                + ")", (rs, n) -> card(rs), artifactIds.toArray());
        return CardPrecedence.latestOfEach(rows);
    }

    @Override
    @Transactional
    public void put(ArtifactCard card) {
        jdbc.update("MERGE INTO artifact_card (" + COLUMNS + ") KEY (artifact_id, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                card.artifactId(), card.type().name(), card.name(), card.version(), card.sourceUrl(), card.sourceKind(),
                card.licence(), card.task(), card.library(), writeTags(card.tags()), write(card.documents()),
                Timestamp.from(card.at()));
    }

    private static ArtifactCard card(ResultSet rs) throws SQLException {
        return new ArtifactCard(rs.getString(1), ArtifactType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                readTags(rs.getString(10)), read(rs.getString(11)), rs.getTimestamp(12).toInstant());
    }

    private static String writeTags(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise tags", e);
        }
    }

    private static List<String> readTags(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored tags", e);
        }
    }

    @Override
    public void delete(String artifactId) {
        jdbc.update("DELETE FROM artifact_card WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM artifact_card");
    }

    private static String write(ArtifactDocumentRefs refs) {
        try {
            return JSON.writeValueAsString(refs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise document references", e);
        }
    }

    private static ArtifactDocumentRefs read(String json) {
        try {
            return JSON.readValue(json, ArtifactDocumentRefs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored document references", e);
        }
    }
}
