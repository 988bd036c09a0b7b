package io.modelregistry.server.auth.dynamodb;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credentials table's name ({@code REGISTRY_DYNAMODB_CREDENTIALS_TABLE}); the other DynamoDB settings (endpoint,
 * region, prefix, timeouts, create-tables) are the event store's.
 *
 * @param credentialsTable accounts and tokens; empty for {@code <table-prefix>credentials}
 */
@ConfigurationProperties("registry.dynamodb")
public record DynamoDbCredentialProperties(String credentialsTable) {
}
