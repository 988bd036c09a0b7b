package io.modelregistry.server.auth.dynamodb;

import io.modelregistry.command.auth.AuthTokenStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Tokens on DynamoDB, one item each ({@code t#<sha-256>}), shared by every node. A use is spent by one conditional
 * UpdateItem ({@code uses < maxUses AND expiresAt > now}), which DynamoDB applies atomically per item: exactly
 * {@code maxUses} spends succeed however many nodes race. Each item also carries {@code ttl} (its expiry in epoch
 * seconds) for DynamoDB's time-to-live sweep, so expired tokens leave the table by themselves.
 */
final class DynamoDbAuthTokens implements AuthTokenStore {

    private static final String PREFIX = "t#";
    private static final String USER = "username";
    private static final String ADMIN = "admin";
    private static final String ISSUED = "issuedAt";
    private static final String EXPIRES = "expiresAt";
    private static final String USES = "uses";
    private static final String MAX_USES = "maxUses";
    private static final String TTL = "ttl";

    private final DynamoDbClient client;
    private final CredentialTable table;

    DynamoDbAuthTokens(DynamoDbClient client, CredentialTable table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void insert(IssuedToken token) {
        Map<String, AttributeValue> item = new HashMap<>(key(token.tokenHash()));
        item.put(USER, AttributeValue.fromS(token.username()));
        item.put(ADMIN, AttributeValue.fromBool(token.admin()));
        item.put(ISSUED, n(token.issuedAt().toEpochMilli()));
        item.put(EXPIRES, n(token.expiresAt().toEpochMilli()));
        item.put(USES, n(0));
        item.put(MAX_USES, n(token.maxUses()));
        item.put(TTL, n(token.expiresAt().getEpochSecond()));
        client.putItem(b -> b.tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CredentialTable.KEY)));
    }

    @Override
    public Optional<String> spend(String tokenHash, Instant now) {
        try {
            var updated = client.updateItem(b -> b.tableName(table.name()).key(key(tokenHash))
                    .updateExpression("SET #u = #u + :one")
                    .conditionExpression("attribute_exists(#pk) AND #u < #m AND #e > :now")
                    .expressionAttributeNames(Map.of("#pk", CredentialTable.KEY, "#u", USES, "#m", MAX_USES,
                            "#e", EXPIRES))
                    .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.ofNullable(updated.get(USER)).map(AttributeValue::s);
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    @Override
    public int revokeAllOf(String username) {
        List<Map<String, AttributeValue>> tokens = table.scan(PREFIX, b -> b
                .filterExpression("begins_with(#pk, :prefix) AND #user = :user")
                .expressionAttributeNames(Map.of("#pk", CredentialTable.KEY, "#user", USER))
                .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(PREFIX),
                        ":user", AttributeValue.fromS(username))));
        tokens.forEach(this::delete);
        return tokens.size();
    }

    @Override
    public void revokeAllExcept(String keptTokenHash) {
        String kept = keptTokenHash == null ? null : PREFIX + keptTokenHash;
        for (var item : table.scan(PREFIX, b -> { })) {
            if (!item.get(CredentialTable.KEY).s().equals(kept)) {
                delete(item);
            }
        }
    }

    @Override
    public long activeCount(Instant now) {
        long millis = now.toEpochMilli();
        return table.scan(PREFIX, b -> { }).stream()
                .filter(item -> Long.parseLong(item.get(EXPIRES).n()) > millis)
                .filter(item -> Long.parseLong(item.get(USES).n()) < Long.parseLong(item.get(MAX_USES).n()))
                .count();
    }

    private void delete(Map<String, AttributeValue> item) {
        client.deleteItem(b -> b.tableName(table.name())
                .key(Map.of(CredentialTable.KEY, item.get(CredentialTable.KEY))));
    }

    private static Map<String, AttributeValue> key(String tokenHash) {
        return Map.of(CredentialTable.KEY, AttributeValue.fromS(PREFIX + tokenHash));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
