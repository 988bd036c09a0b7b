package io.modelregistry.projection.card.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.card.ArtifactCard;
import io.modelregistry.api.card.ArtifactCardWriter;
import io.modelregistry.api.card.ArtifactCards;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.semver4j.Semver;
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
    private static final Comparator<ArtifactCard> PRECEDENCE = Comparator.comparing(
            (ArtifactCard card) -> Optional.ofNullable(Semver.parse(card.version())),
            (a, b) -> a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) : Boolean.compare(a.isPresent(),
                    b.isPresent())).thenComparing(ArtifactCard::at);

    private final JdbcTemplate jdbc;

    public JdbcArtifactCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ArtifactCard> find(String artifactId, Optional<String> version) {
        List<ArtifactCard> rows = jdbc.query("SELECT artifact_id, artifact_type, name, version, source_url, source_kind,"
                        + " licence, documents_json, at FROM artifact_card WHERE artifact_id = ?",
                (rs, n) -> new ArtifactCard(rs.getString(1), ArtifactType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), read(rs.getString(8)),
                        rs.getTimestamp(9).toInstant()), artifactId);
        if (version.isPresent()) {
            return rows.stream().filter(card -> card.version().equals(version.get())).findFirst();
        }
        return rows.stream().max(PRECEDENCE);
    }

    @Override
    @Transactional
    public void put(ArtifactCard card) {
        jdbc.update("MERGE INTO artifact_card (artifact_id, version, artifact_type, name, source_url, source_kind,"
                        + " licence, documents_json, at) KEY (artifact_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                card.artifactId(), card.version(), card.type().name(), card.name(), card.sourceUrl(), card.sourceKind(),
                card.licence(), write(card.documents()), Timestamp.from(card.at()));
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
