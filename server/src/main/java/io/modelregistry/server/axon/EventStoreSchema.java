package io.modelregistry.server.axon;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates Axon's event, snapshot and token tables on first start, with Axon's own table factories so the
 * DDL always matches the storage engine. Existing tables are left alone: the log survives restarts.
 */
@Component
class EventStoreSchema implements InitializingBean {

    private final DataSource dataSource;

    EventStoreSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        EventSchema events = EventSchema.builder().build();
        TokenSchema tokens = TokenSchema.builder().build();
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, events.domainEventTable())) {
                H2EventTableFactory.INSTANCE.createDomainEventTable(connection, events).execute();
            }
            if (!exists(connection, events.snapshotTable())) {
                H2EventTableFactory.INSTANCE.createSnapshotEventTable(connection, events).execute();
            }
            if (!exists(connection, tokens.tokenTable())) {
                GenericTokenTableFactory.INSTANCE.createTable(connection, tokens).execute();
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
