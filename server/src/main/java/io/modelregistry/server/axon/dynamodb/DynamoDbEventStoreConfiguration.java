package io.modelregistry.server.axon.dynamodb;

import io.modelregistry.api.claim.SourceClaims;
import io.modelregistry.projection.consistency.ClaimFence;
import io.modelregistry.server.axon.TokenPlacement;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The scale-out event store, chosen by {@code registry.event-store=dynamodb}: Axon's storage engine, token store
 * and the duplicate-source claims on DynamoDB, defined here as the JDBC adapter defines its own (Axon's
 * auto-configured beans step back because these exist). The tables are created (or checked) before the engine
 * exists, so nothing reads or writes a table that is not active.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.event-store", havingValue = "dynamodb")
@EnableConfigurationProperties(DynamoDbProperties.class)
class DynamoDbEventStoreConfiguration {

    private static final int MAX_CONNECTIONS = 64;

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(DynamoDbProperties properties) {
        var builder = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(properties.connectTimeout())
                        .socketTimeout(properties.attemptTimeout())
                        .connectionAcquisitionTimeout(properties.connectTimeout())
                        .maxConnections(MAX_CONNECTIONS))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(properties.attemptTimeout())
                        .apiCallTimeout(properties.callTimeout())
                        .retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(properties.maxAttempts()))
                        .build());
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        if (properties.region() != null && !properties.region().isBlank()) {
            builder.region(Region.of(properties.region().strip()));
        }
        return builder.build();
    }

    @Bean
    DynamoDbTables dynamoDbTables(DynamoDbClient client, DynamoDbProperties properties) {
        DynamoDbTables tables = new DynamoDbTables(client, properties.tables());
        if (properties.createTables()) {
            tables.createIfMissing(properties.tableActiveTimeout());
        } else {
            tables.requireActive(properties.tableActiveTimeout());
        }
        return tables;
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, DynamoDbClient client,
                                          DynamoDbProperties properties, DynamoDbTables tables) {
        return DynamoDbEventStorageEngine.builder()
                .client(client)
                .tables(properties.tables())
                .gapTimeout(properties.gapTimeout())
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .build();
    }

    /**
     * The token store every node shares, when the read models are shared too (see {@code TokenPlacement}). Each
     * node claims under its own name ({@code registry.dynamodb.node-id}, else Axon's {@code pid@host}).
     */
    @Bean
    @Conditional(TokenPlacement.Shared.class)
    DynamoDbTokenStore tokenStore(Serializer serializer, DynamoDbClient client, DynamoDbProperties properties,
                          TokenStoreProperties tokenStore, DynamoDbTables tables) {
        String node = properties.nodeId() == null || properties.nodeId().isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : properties.nodeId().strip();
        return new DynamoDbTokenStore(client, properties.tables().tokens(), serializer, tokenStore.getClaimTimeout(),
                node, Clock.systemUTC());
    }

    /**
     * With the shared token store, every write to the shared read models is fenced by the writer's claim on the
     * segment it applies: renewed while a long batch goes on, refused once another node has taken the segment.
     */
    @Bean
    @Conditional(TokenPlacement.Shared.class)
    ClaimFence claimFence(DynamoDbTokenStore tokenStore) {
        return new ClaimFence(tokenStore, Clock.systemUTC());
    }

    /** Tells the fence which segment each processor thread applies (see {@link ClaimFence#interceptor}). */
    @Bean
    @Conditional(TokenPlacement.Shared.class)
    ConfigurerModule fenceSharedReadModelWrites(ClaimFence claimFence) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultHandlerInterceptor((config, processorName) -> claimFence.interceptor(processorName)));
    }

    @Bean
    SourceClaims sourceClaims(DynamoDbClient client, DynamoDbProperties properties, DynamoDbTables tables) {
        return new DynamoDbSourceClaims(client, properties.tables().claims());
    }
}
