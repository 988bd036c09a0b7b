package io.modelregistry.server.axon;

import java.sql.Connection;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** For tests that prepare a database before the registry starts on it: Axon's event table, as the launcher makes it. */
public final class EventTables {

    private EventTables() {
    }

    public static void createDomainEventTable(Connection connection, EventSchema schema) throws SQLException {
        H2EventTableFactory.INSTANCE.createDomainEventTable(connection, schema).execute();
    }

    public static void createSnapshotEventTable(Connection connection, EventSchema schema) throws SQLException {
        H2EventTableFactory.INSTANCE.createSnapshotEventTable(connection, schema).execute();
    }
}
