package io.modelregistry.server.axon.dynamodb;

import io.modelregistry.server.axon.EventTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The contract against Axon's JDBC engine on H2, as the embedded registry configures it. */
class JdbcEventStorageEngineContractTest extends EventStorageEngineContract {

    private Connection keepAlive;

    @Override
    EventStorageEngine newEngine() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        EventSchema schema = EventSchema.builder().build();
        EventTables.createDomainEventTable(keepAlive, schema);
        EventTables.createSnapshotEventTable(keepAlive, schema);
        var serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .persistenceExceptionResolver(JdbcEventStorageEngineContractTest::integrityViolation)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(schema)
                .build();
    }

    /**
     * A unique-key violation (SQL state class 23) anywhere in the cause chain. The launcher's
     * {@code JdbcSQLErrorCodesResolver} does not recognise H2's, so there a lost race surfaces as a plain
     * {@code EventStoreException}; the contract asks for Axon's concurrency exceptions.
     */
    private static boolean integrityViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    @Override
    void closeEngine() throws Exception {
        try (var statement = keepAlive.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        keepAlive.close();
    }
}
