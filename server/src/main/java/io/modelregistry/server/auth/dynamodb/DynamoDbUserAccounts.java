package io.modelregistry.server.auth.dynamodb;

import io.modelregistry.api.auth.Permission;
import io.modelregistry.command.auth.UserAccount;
import io.modelregistry.command.auth.UserAccountStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Accounts on DynamoDB, one item each ({@code u#<name>}), read strongly consistently so every node sees a removal or a
 * permission change at its next request. Listing and counting administrators scan the account items: fine for the
 * hundreds of accounts of one company, not for millions (see decision 0071).
 */
final class DynamoDbUserAccounts implements UserAccountStore {

    private static final String PREFIX = "u#";
    private static final String NAME = "username";
    private static final String HASH = "passwordHash";
    private static final String ADMIN = "admin";
    private static final String PERMISSIONS = "permissions";
    private static final String CREATED = "createdAt";

    private final DynamoDbClient client;
    private final CredentialTable table;

    DynamoDbUserAccounts(DynamoDbClient client, CredentialTable table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<UserAccount> find(String username) {
        var item = client.getItem(b -> b.tableName(table.name()).consistentRead(true).key(key(username))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(account(item));
    }

    @Override
    public List<UserAccount> list(int offset, int limit) {
        return table.scan(PREFIX, b -> { }).stream().map(DynamoDbUserAccounts::account)
                .sorted(Comparator.comparing(UserAccount::username)).skip(offset).limit(limit).toList();
    }

    @Override
    public void upsert(UserAccount account) {
        Map<String, AttributeValue> item = new HashMap<>(key(account.username()));
        item.put(NAME, AttributeValue.fromS(account.username()));
        item.put(HASH, AttributeValue.fromS(account.passwordHash()));
        item.put(ADMIN, AttributeValue.fromBool(account.admin()));
        item.put(PERMISSIONS, AttributeValue.fromS(encode(account.permissions())));
        item.put(CREATED, AttributeValue.fromN(Long.toString(account.createdAt().toEpochMilli())));
        client.putItem(b -> b.tableName(table.name()).item(item));
    }

    @Override
    public boolean delete(String username) {
        var old = client.deleteItem(b -> b.tableName(table.name()).key(key(username)).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        return old != null && !old.isEmpty();
    }

    @Override
    public long adminCount() {
        return table.scan(PREFIX, b -> { }).stream().filter(item -> item.get(ADMIN).bool()).count();
    }

    private static Map<String, AttributeValue> key(String username) {
        return Map.of(CredentialTable.KEY, AttributeValue.fromS(PREFIX + username));
    }

    private static String encode(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::wireName).collect(Collectors.joining(","));
    }

    private static UserAccount account(Map<String, AttributeValue> item) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        String encoded = item.get(PERMISSIONS).s();
        for (String name : encoded.split(",")) {
            // an unknown name grants nothing (fail closed)
            Permission.fromWire(name.strip()).ifPresent(permissions::add);
        }
        return new UserAccount(item.get(NAME).s(), item.get(HASH).s(), item.get(ADMIN).bool(), permissions,
                Instant.ofEpochMilli(Long.parseLong(item.get(CREATED).n())));
    }
}
