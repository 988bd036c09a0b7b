package io.modelregistry.server.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.auth.UserRegistered;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes password hashes from {@link UserRegistered} rows that a registry wrote before revision 2, in place, once
 * at start. The one exception to "the log is never rewritten": a verifier of a secret must not outlive its user
 * in an audit log kept forever. Only that field goes; the event's identity, position, time and every other field
 * stay, and the row is marked revision 2, exactly as a new one would be written. The upcaster
 * ({@link DropPasswordHash}) covers the moment before this runs, and logs restored from an older backup.
 */
@Component
@DependsOn("eventStoreSchema")
class LegacyCredentialRedaction implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LegacyCredentialRedaction.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    LegacyCredentialRedaction(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void afterPropertiesSet() {
        Integer redacted = transactions.execute(status -> {
            var rows = jdbc.query("SELECT eventIdentifier, payload FROM DomainEventEntry "
                    + "WHERE payloadType = ? AND (payloadRevision IS NULL OR payloadRevision = '1')",
                    (rs, n) -> new Row(rs.getString(1), rs.getBytes(2)), UserRegistered.class.getName());
            for (Row row : rows) {
                jdbc.update("UPDATE DomainEventEntry SET payload = ?, payloadRevision = '2' WHERE eventIdentifier = ?",
                        withoutHash(row.payload()), row.eventIdentifier());
            }
            return rows.size();
        });
        if (redacted != null && redacted > 0) {
            log.info("removed the password hash from {} UserRegistered events written before revision 2", redacted);
        }
    }

    private static byte[] withoutHash(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return JSON.writeValueAsBytes(node instanceof ObjectNode object ? new DropPasswordHash().upcast(object) : node);
        } catch (IOException e) {
            throw new IllegalStateException("a stored UserRegistered event is not JSON", e);
        }
    }

    private record Row(String eventIdentifier, byte[] payload) {
    }
}
