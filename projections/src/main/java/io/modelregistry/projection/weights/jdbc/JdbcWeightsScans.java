package io.modelregistry.projection.weights.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.WeightsScan;
import io.modelregistry.api.weights.WeightsScanRecord;
import io.modelregistry.api.weights.WeightsScans;
import io.modelregistry.api.weights.WeightsScansWriter;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The embedded weights-scan read model: the H2 table {@code weights_scan}, one row per scanned package. */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcWeightsScans implements WeightsScans, WeightsScansWriter {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public JdbcWeightsScans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<WeightsScanRecord> scan(String artifactId, String packageDigest) {
        return jdbc.query("SELECT version, scan_json, override_by, override_at, override_reason FROM weights_scan "
                        + "WHERE artifact_id = ? AND package_digest = ?",
                (rs, row) -> new WeightsScanRecord(artifactId, packageDigest, rs.getString(1), read(rs.getString(2)),
                        rs.getString(3) == null ? null : new WeightsScanRecord.Override(rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(5))),
                artifactId, packageDigest).stream().findFirst();
    }

    @Override
    public void scanned(String artifactId, String packageDigest, String version, WeightsScan scan) {
        String text = write(scan);
        int updated = jdbc.update("UPDATE weights_scan SET version = ?, scan_json = ? WHERE artifact_id = ? "
                + "AND package_digest = ?", version, text, artifactId, packageDigest);
        if (updated == 0) {
            jdbc.update("INSERT INTO weights_scan (artifact_id, package_digest, version, scan_json) VALUES (?, ?, ?, ?)",
                    artifactId, packageDigest, version, text);
        }
    }

    @Override
    public void override(String artifactId, String packageDigest, WeightsScanRecord.Override override) {
        jdbc.update("UPDATE weights_scan SET override_by = ?, override_at = ?, override_reason = ? "
                        + "WHERE artifact_id = ? AND package_digest = ?",
                override == null ? null : override.by(), override == null ? null : Timestamp.from(override.at()),
                override == null ? null : override.reason(), artifactId, packageDigest);
    }

    @Override
    public void delete(String artifactId) {
        jdbc.update("DELETE FROM weights_scan WHERE artifact_id = ?", artifactId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM weights_scan");
    }

    private String write(WeightsScan scan) {
        try {
            return json.writeValueAsString(scan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a weights scan", e);
        }
    }

    private WeightsScan read(String text) {
        try {
            return json.readValue(text, WeightsScan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored weights scan is not readable", e);
        }
    }
}
