package io.modelregistry.server.auth.dynamodb;

import io.modelregistry.command.auth.AuthTokenStore;
import io.modelregistry.command.auth.UserAccountStore;
import io.modelregistry.server.axon.dynamodb.DynamoDbProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Accounts and tokens on DynamoDB when the event store is there ({@code registry.event-store=dynamodb}), so any
 * number of stateless nodes share logins, use counts and revocations. Uses the event store's client (its timeouts
 * and retries) and table settings: the table is {@code <table-prefix>credentials} unless
 * {@code registry.dynamodb.credentials-table} names it, created when missing unless {@code create-tables} is false.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "registry.event-store", havingValue = "dynamodb")
@EnableConfigurationProperties(DynamoDbCredentialProperties.class)
class DynamoDbCredentialStoreConfiguration {

    @Bean
    CredentialTable credentialTable(DynamoDbClient client, DynamoDbProperties properties,
                                    DynamoDbCredentialProperties credentials) {
        String tableName = credentials.credentialsTable();
        String name = tableName == null || tableName.isBlank() ? properties.tablePrefix().strip() + "credentials"
                : tableName.strip();
        CredentialTable table = new CredentialTable(client, name);
        if (properties.createTables()) {
            table.createIfMissing(properties.tableActiveTimeout());
        } else {
            table.requireActive(properties.tableActiveTimeout());
        }
        return table;
    }

    @Bean
    UserAccountStore userAccountStore(DynamoDbClient client, CredentialTable table) {
        return new DynamoDbUserAccounts(client, table);
    }

    @Bean
    AuthTokenStore authTokenStore(DynamoDbClient client, CredentialTable table) {
        return new DynamoDbAuthTokens(client, table);
    }
}
