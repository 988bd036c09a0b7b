package io.modelregistry.projection.downloads.jdbc;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.download.DownloadHistory;
import io.modelregistry.api.download.DownloadHistoryEntry;
import io.modelregistry.api.download.DownloadHistoryWriter;
import io.modelregistry.api.artifact.MonitorVerdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded download history: the H2 tables {@code download_history} (one row per event, keyed by its log
 * position) and {@code download_history_reset} (the positions of registry resets).
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
public class JdbcDownloadHistory implements DownloadHistory, DownloadHistoryWriter {

    /** The column sizes of schema-downloads.sql: a longer value is cut, so one long file path cannot stop the history. */
    private static final int MAX_ASPECT = 4096;
    private static final int MAX_REASON = 2048;

    private static final String COLUMNS = "position, at, username, is_admin, artifact_id, artifact_type, name, "
            + "version, aspect, bytes, allowed, monitor_outcome, monitor_exit, monitor_sha256, monitor_stdout, "
            + "monitor_stderr, monitor_truncated, monitor_millis, monitor_reason";

    private final JdbcTemplate jdbc;

    public JdbcDownloadHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page page(Query query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM download_history WHERE position > "
                + "COALESCE((SELECT MAX(position) FROM download_history_reset");
        List<Object> args = new ArrayList<>();
        if (query.asOf() != null) {
            sql.append(" WHERE at <= ?");
            args.add(Timestamp.from(query.asOf()));
        }
        sql.append("), -1)");
        if (query.asOf() != null) {
            sql.append(" AND at <= ?");
            args.add(Timestamp.from(query.asOf()));
        }
        if (query.artifactId() != null) {
            sql.append(" AND artifact_id = ?");
            args.add(query.artifactId());
        }
        if (query.username() != null) {
            sql.append(" AND username = ?");
            args.add(query.username());
        }
        if (query.before() != null) {
            sql.append(" AND position < ?");
            args.add(query.before());
        }
        sql.append(" ORDER BY position DESC LIMIT ?");
        args.add(query.limit() + 1);
        List<DownloadHistoryEntry> rows = jdbc.query(sql.toString(), (rs, n) -> entry(rs), args.toArray());
        if (rows.size() <= query.limit()) {
            return new Page(rows, null);
        }
        List<DownloadHistoryEntry> page = List.copyOf(rows.subList(0, query.limit()));
        return new Page(page, page.get(page.size() - 1).position());
    }

    private static DownloadHistoryEntry entry(ResultSet rs) throws SQLException {
        String outcome = rs.getString(12);
        MonitorVerdict monitor = outcome == null ? null : new MonitorVerdict(MonitorVerdict.Outcome.valueOf(outcome),
                (Integer) rs.getObject(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getBoolean(17),
                rs.getLong(18), rs.getString(19));
        return new DownloadHistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getBoolean(4), rs.getString(5), ArtifactType.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getLong(10), rs.getBoolean(11), monitor);
    }

    @Override
    public void record(DownloadHistoryEntry e) {
        MonitorVerdict m = e.monitor() == null ? null : e.monitor().forRecord();
        // inserted only if absent, as the port says: a redelivered event leaves the first entry at its position alone
        jdbc.update("INSERT INTO download_history (" + COLUMNS + ") SELECT "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM download_history WHERE position = ?)",
                e.position(), Timestamp.from(e.at()), e.username(), e.admin(), e.artifactId(), e.type().name(),
                e.name(), e.version(), abbreviate(e.aspect(), MAX_ASPECT), e.bytes(), e.allowed(),
                m == null ? null : m.outcome().name(), m == null ? null : m.exitCode(),
                m == null ? null : m.programSha256(), m == null ? null : m.stdout(), m == null ? null : m.stderr(),
                m == null ? null : m.truncated(), m == null ? null : m.millis(),
                m == null ? null : abbreviate(m.reason(), MAX_REASON), e.position());
    }

    @Override
    public void reset(long position, Instant at) {
        jdbc.update("MERGE INTO download_history_reset (position, at) KEY (position) VALUES (?, ?)", position,
                Timestamp.from(at));
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM download_history");
        jdbc.update("DELETE FROM download_history_reset");
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
