package io.modelregistry.server.axon.jdbc;

import io.modelregistry.server.axon.TokenPlacement;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Tokens in this node's H2 database, beside the embedded read models (and with any event store: a node on the
 * DynamoDB log with embedded read models builds them all itself). A JDBC read model's rows and its token are
 * written in one transaction, so a crash can neither apply an event twice nor skip it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TokenPlacement.NodeLocal.class)
class JdbcTokenStoreConfiguration {

    /**
     * The owner name of every token claim. Axon's default is {@code pid@host}, so after a crash the restarted
     * process (a new pid) could not claim its own processors' tokens until the dead one's claims timed out: the
     * projections stood still for the claim timeout, and the search index's recovery, which reads the tokens,
     * was skipped, leaving events between the index's last commit and the token unindexed. One process at a time
     * opens the embedded database (H2 locks its file), so one stable name is exact here; the shared token store
     * names each node.
     */
    static final String EMBEDDED_NODE = "embedded-registry";

    @Bean
    @DependsOn("eventStoreSchema")
    TokenStore tokenStore(Serializer serializer, DataSource dataSource, TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(JdbcEventStoreConfiguration.connections(dataSource))
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(EMBEDDED_NODE)
                .build();
    }
}
