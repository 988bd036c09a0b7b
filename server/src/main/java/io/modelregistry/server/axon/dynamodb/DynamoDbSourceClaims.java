package io.modelregistry.server.axon.dynamodb;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.claim.SourceClaim;
import io.modelregistry.api.claim.SourceClaims;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Duplicate-source claims on DynamoDB: the claim is an item keyed {@code s#<source key>}, decided by one conditional
 * put, replace or delete. Which sources an artifact holds is kept beside it in an item keyed {@code a#<artifact id>}
 * (a set of source keys), added to before the claim is written and pruned after a release; {@link #heldBy} reads
 * that set and then each claim, strongly consistently, and keeps only the claims that really name the artifact.
 * A secondary index by artifact would be simpler, but its reads are only eventually consistent, and "is this id
 * live" is asked right after a registration.
 */
final class DynamoDbSourceClaims implements SourceClaims {

    private static final String SOURCE_PREFIX = "s#";
    private static final String ARTIFACT_PREFIX = "a#";
    private static final String TYPE = "artifactType";
    private static final String NAME = "name";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String SOURCES = "sources";
    private static final String SOURCE = "sourceKey";

    private final DynamoDbClient client;
    private final String table;

    DynamoDbSourceClaims(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean claimIfAbsent(SourceClaim claim) {
        remember(claim);
        try {
            client.putItem(b -> b.tableName(table).item(item(claim))
                    .conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", DynamoDbTables.SOURCE_KEY)));
            return true;
        } catch (ConditionalCheckFailedException held) {
            forget(claim.artifactId(), claim.sourceKey());
            return false;
        }
    }

    @Override
    public Optional<SourceClaim> bySource(String sourceKey) {
        var item = client.getItem(b -> b.tableName(table).consistentRead(true).key(sourceKey(sourceKey))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(claim(item));
    }

    @Override
    public List<SourceClaim> heldBy(String artifactId) {
        var index = client.getItem(b -> b.tableName(table).consistentRead(true).key(artifactKey(artifactId))).item();
        if (index == null || !index.containsKey(SOURCES)) {
            return List.of();
        }
        List<SourceClaim> held = new ArrayList<>();
        for (String sourceKey : index.get(SOURCES).ss()) {
            bySource(sourceKey).filter(claim -> claim.artifactId().equals(artifactId)).ifPresent(held::add);
        }
        held.sort(Comparator.comparing(SourceClaim::claimedAt));
        return held;
    }

    @Override
    public boolean replace(SourceClaim expected, SourceClaim replacement) {
        if (!expected.sourceKey().equals(replacement.sourceKey())) {
            throw new IllegalArgumentException("a claim is replaced on the same source");
        }
        remember(replacement);
        try {
            client.putItem(b -> b.tableName(table).item(item(replacement))
                    .conditionExpression("#a = :a AND #t = :t")
                    .expressionAttributeNames(Map.of("#a", DynamoDbTables.ARTIFACT, "#t", CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":a", Items.s(expected.artifactId()),
                            ":t", Items.n(expected.claimedAt().toEpochMilli()))));
        } catch (ConditionalCheckFailedException changed) {
            if (!replacement.artifactId().equals(expected.artifactId())) {
                forget(replacement.artifactId(), replacement.sourceKey());
            }
            return false;
        }
        if (!replacement.artifactId().equals(expected.artifactId())) {
            forget(expected.artifactId(), expected.sourceKey());
        }
        return true;
    }

    @Override
    public boolean release(String sourceKey, String artifactId) {
        try {
            client.deleteItem(b -> b.tableName(table).key(sourceKey(sourceKey))
                    .conditionExpression("#a = :a")
                    .expressionAttributeNames(Map.of("#a", DynamoDbTables.ARTIFACT))
                    .expressionAttributeValues(Map.of(":a", Items.s(artifactId))));
        } catch (ConditionalCheckFailedException notHeld) {
            return false;
        }
        forget(artifactId, sourceKey);
        return true;
    }

    @Override
    public void releaseAll() {
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < Items.MAX_PAGES; page++) {
            Map<String, AttributeValue> from = start;
            ScanResponse response = client.scan(b -> {
                b.tableName(table).consistentRead(true).projectionExpression("#k")
                        .expressionAttributeNames(Map.of("#k", DynamoDbTables.SOURCE_KEY));
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            for (var item : response.items()) {
                client.deleteItem(b -> b.tableName(table).key(Map.of(DynamoDbTables.SOURCE_KEY,
                        item.get(DynamoDbTables.SOURCE_KEY))));
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return;
            }
            start = response.lastEvaluatedKey();
        }
        throw new IllegalStateException("The claims table has more than " + Items.MAX_PAGES + " pages");
    }

    /** Adds the source to the artifact's set before the claim exists, so {@link #heldBy} can never miss it. */
    private void remember(SourceClaim claim) {
        client.updateItem(b -> b.tableName(table).key(artifactKey(claim.artifactId()))
                .updateExpression("ADD #s :k")
                .expressionAttributeNames(Map.of("#s", SOURCES))
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromSs(List.of(claim.sourceKey())))));
    }

    /** Prunes the set; a stale entry left by a crash is harmless, {@link #heldBy} checks each claim. */
    private void forget(String artifactId, String sourceKey) {
        client.updateItem(b -> b.tableName(table).key(artifactKey(artifactId))
                .updateExpression("DELETE #s :k")
                .expressionAttributeNames(Map.of("#s", SOURCES))
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromSs(List.of(sourceKey)))));
    }

    private static Map<String, AttributeValue> item(SourceClaim claim) {
        Map<String, AttributeValue> item = new HashMap<>(sourceKey(claim.sourceKey()));
        item.put(SOURCE, Items.s(claim.sourceKey()));
        item.put(DynamoDbTables.ARTIFACT, Items.s(claim.artifactId()));
        item.put(TYPE, Items.s(claim.type().name()));
        item.put(NAME, Items.s(claim.name()));
        item.put(CLAIMED_AT, Items.n(claim.claimedAt().toEpochMilli()));
        return item;
    }

    private static SourceClaim claim(Map<String, AttributeValue> item) {
        return new SourceClaim(Items.stringOf(item, SOURCE), Items.stringOf(item, DynamoDbTables.ARTIFACT),
                ArtifactType.valueOf(Items.stringOf(item, TYPE)), Items.stringOf(item, NAME),
                Instant.ofEpochMilli(Items.longOf(item, CLAIMED_AT)));
    }

    private static Map<String, AttributeValue> sourceKey(String sourceKey) {
        return Map.of(DynamoDbTables.SOURCE_KEY, Items.s(SOURCE_PREFIX + sourceKey));
    }

    private static Map<String, AttributeValue> artifactKey(String artifactId) {
        return Map.of(DynamoDbTables.SOURCE_KEY, Items.s(ARTIFACT_PREFIX + artifactId));
    }
}
