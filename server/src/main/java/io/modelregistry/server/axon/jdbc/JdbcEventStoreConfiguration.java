package io.modelregistry.server.axon.jdbc;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The embedded event store: Axon's JDBC storage engine on the H2 database, chosen by
 * {@code registry.event-store=jdbc} (the default) rather than left to whichever Axon auto-configuration
 * matches the classpath. Axon's {@code EventStorageEngine} and {@code TokenStore} are the ports; a scale-out
 * adapter (DynamoDB) defines the same two beans in a sibling package under its own condition, and Axon's
 * auto-configured ones step back because these exist.
 *
 * <p>The schemas are Axon's defaults, the ones {@code EventStoreSchema} creates the tables with.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.event-store", havingValue = "jdbc", matchIfMissing = true)
class JdbcEventStoreConfiguration {

    @Bean
    @DependsOn("eventStoreSchema")
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, DataSource dataSource,
                                          TransactionManager transactions, H2GroupCommit commit) {
        // durable before acknowledged: every append is followed by the group commit's fsync (decision 0030)
        return new DurableJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections(dataSource))
                .transactionManager(transactions)
                .schema(EventSchema.builder().build()), commit);
    }

    /** Inside a unit of work, the connection of its transaction; as Axon's auto-configuration provides it. */
    static ConnectionProvider connections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }
}
