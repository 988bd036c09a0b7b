package io.modelregistry.server.axon.jdbc;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The embedded event store: Axon's JDBC storage engine and token store on the H2 database, chosen by
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

    /**
     * The owner name of every token claim. Axon's default is {@code pid@host}, so after a crash the restarted
     * process (a new pid) could not claim its own processors' tokens until the dead one's claims timed out: the
     * projections stood still for the claim timeout, and the search index's recovery, which reads the tokens,
     * was skipped, leaving events between the index's last commit and the token unindexed. One process at a time
     * opens the embedded database (H2 locks its file), so one stable name is exact here; a scale-out token store
     * names each node.
     */
    static final String EMBEDDED_NODE = "embedded-registry";

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

    @Bean
    @DependsOn("eventStoreSchema")
    TokenStore tokenStore(Serializer serializer, DataSource dataSource, TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections(dataSource))
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(EMBEDDED_NODE)
                .build();
    }

    /** Inside a unit of work, the connection of its transaction; as Axon's auto-configuration provides it. */
    private static ConnectionProvider connections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }
}
