package io.modelregistry.server.axon.dynamodb;

import io.modelregistry.projection.consistency.SegmentClaims;
import io.modelregistry.projection.consistency.SharedTokenPositions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Axon's token store on DynamoDB: one item per (processor, segment) with the serialised token, its owner and the
 * time of the owner's last claim. Every claim is a conditional update that succeeds only when the segment is free,
 * already ours, or its owner's claim is older than the claim timeout: a node that died loses its segments to the
 * others after that timeout, and of two nodes claiming at once exactly one wins. It remembers the claim time of each
 * claim it wrote, so that the {@code ClaimFence} can keep read-model writes inside the claim ({@link SegmentClaims}).
 */
public final class DynamoDbTokenStore implements TokenStore, SharedTokenPositions, SegmentClaims {

    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";
    private static final String TOKEN_REVISION = "tokenRevision";
    private static final String OWNER = "owner";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String STORAGE_ID = "storageId";
    /** The store's identity item (no processor can be named so: Axon names are Java-ish identifiers). */
    private static final String CONFIG_PROCESSOR = "__config";
    private static final String CLAIMABLE = "attribute_exists(#p) AND (attribute_not_exists(#o) OR #o = :me OR #t < :expired)";

    private final DynamoDbClient client;
    private final String table;
    private final Serializer serializer;
    private final Duration claimTimeout;
    private final String nodeId;
    private final Clock clock;
    /** processor/segment → the claim time this node last wrote for it successfully */
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();

    public DynamoDbTokenStore(DynamoDbClient client, String table, Serializer serializer, Duration claimTimeout,
                              String nodeId, Clock clock) {
        this.client = client;
        this.table = table;
        this.serializer = serializer;
        this.claimTimeout = claimTimeout;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException("Could not initialize segments: some segments of processor '"
                    + processorName + "' exist already");
        }
        for (int segment = 0; segment < segmentCount; segment++) {
            if (!putIfAbsent(processorName, segment, initialToken)) {
                throw new UnableToClaimTokenException("Could not initialize segments: segment " + segment
                        + " of processor '" + processorName + "' was created concurrently");
            }
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        if (!putIfAbsent(processorName, segment, token)) {
            throw new UnableToInitializeTokenException("Segment " + segment + " of processor '" + processorName
                    + "' exists already");
        }
    }

    private boolean putIfAbsent(String processorName, int segment, TrackingToken token) {
        Map<String, AttributeValue> item = new HashMap<>(key(processorName, segment));
        putToken(item, token);
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#p)")
                    .expressionAttributeNames(Map.of("#p", DynamoDbTables.PROCESSOR)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        long now = clock.millis();
        Map<String, AttributeValue> values = new HashMap<>(claimValues(now));
        StringBuilder update = new StringBuilder("SET #o = :me, #t = :now");
        Map<String, String> names = new HashMap<>(claimNames());
        if (token != null) {
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            update.append(", #tk = :tk, #ty = :ty");
            names.put("#tk", TOKEN);
            names.put("#ty", TOKEN_TYPE);
            values.put(":tk", Items.b(serialized.getData()));
            values.put(":ty", Items.s(serialized.getType().getName()));
            if (serialized.getType().getRevision() != null) {
                update.append(", #tr = :tr");
                names.put("#tr", TOKEN_REVISION);
                values.put(":tr", Items.s(serialized.getType().getRevision()));
            }
        } else {
            update.append(" REMOVE #tk, #ty, #tr");
            names.put("#tk", TOKEN);
            names.put("#ty", TOKEN_TYPE);
            names.put("#tr", TOKEN_REVISION);
        }
        try {
            client.updateItem(b -> b.tableName(table).key(key(processorName, segment))
                    .updateExpression(update.toString()).conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            confirmed.put(claimKey(processorName, segment), now);
        } catch (ConditionalCheckFailedException claimed) {
            confirmed.remove(claimKey(processorName, segment));
            throw new UnableToClaimTokenException("Could not store the token of segment " + segment
                    + " of processor '" + processorName + "': it is missing or claimed by another node");
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        long now = clock.millis();
        try {
            var item = client.updateItem(b -> b.tableName(table).key(key(processorName, segment))
                    .updateExpression("SET #o = :me, #t = :now").conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(claimNames()).expressionAttributeValues(claimValues(now))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            confirmed.put(claimKey(processorName, segment), now);
            return token(item);
        } catch (ConditionalCheckFailedException claimed) {
            confirmed.remove(claimKey(processorName, segment));
            throw new UnableToClaimTokenException("Could not claim segment " + segment + " of processor '"
                    + processorName + "': it is missing or claimed by another node");
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return fetchToken(processorName, segment.getSegmentId());
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        long now = clock.millis();
        try {
            client.updateItem(b -> b.tableName(table).key(key(processorName, segment))
                    .updateExpression("SET #t = :now").conditionExpression("attribute_exists(#p) AND #o = :me")
                    .expressionAttributeNames(Map.of("#p", DynamoDbTables.PROCESSOR, "#o", OWNER, "#t", CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":me", Items.s(nodeId), ":now", Items.n(now))));
            confirmed.put(claimKey(processorName, segment), now);
        } catch (ConditionalCheckFailedException lost) {
            confirmed.remove(claimKey(processorName, segment));
            throw new UnableToClaimTokenException("Could not extend the claim on segment " + segment
                    + " of processor '" + processorName + "': this node no longer holds it");
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        confirmed.remove(claimKey(processorName, segment));
        try {
            client.updateItem(b -> b.tableName(table).key(key(processorName, segment))
                    .updateExpression("REMOVE #o").conditionExpression("#o = :me")
                    .expressionAttributeNames(Map.of("#o", OWNER))
                    .expressionAttributeValues(Map.of(":me", Items.s(nodeId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // nothing of ours to release
        }
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        confirmed.remove(claimKey(processorName, segment));
        try {
            client.deleteItem(b -> b.tableName(table).key(key(processorName, segment))
                    .conditionExpression("#o = :me")
                    .expressionAttributeNames(Map.of("#o", OWNER))
                    .expressionAttributeValues(Map.of(":me", Items.s(nodeId))));
        } catch (ConditionalCheckFailedException notOurs) {
            throw new UnableToClaimTokenException("Could not delete segment " + segment + " of processor '"
                    + processorName + "': this node does not hold it");
        }
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return segmentItems(processorName).stream().mapToInt(i -> (int) Items.longOf(i, DynamoDbTables.SEGMENT))
                .sorted().toArray();
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        List<Map<String, AttributeValue>> items = segmentItems(processorName);
        int[] all = items.stream().mapToInt(i -> (int) Items.longOf(i, DynamoDbTables.SEGMENT)).sorted().toArray();
        long expired = clock.millis() - claimTimeout.toMillis();
        List<Segment> available = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String owner = Items.stringOf(item, OWNER);
            if (owner == null || owner.equals(nodeId) || Items.longOf(item, CLAIMED_AT) < expired) {
                available.add(Segment.computeSegment((int) Items.longOf(item, DynamoDbTables.SEGMENT), all));
            }
        }
        return available;
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        Map<String, AttributeValue> key = key(CONFIG_PROCESSOR, 0);
        for (int attempt = 0; attempt < 2; attempt++) {
            var item = client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            if (item != null && item.containsKey(STORAGE_ID)) {
                return Optional.of(item.get(STORAGE_ID).s());
            }
            Map<String, AttributeValue> identity = new HashMap<>(key);
            identity.put(STORAGE_ID, Items.s(UUID.randomUUID().toString()));
            try {
                client.putItem(b -> b.tableName(table).item(identity).conditionExpression("attribute_not_exists(#p)")
                        .expressionAttributeNames(Map.of("#p", DynamoDbTables.PROCESSOR)));
            } catch (ConditionalCheckFailedException another) {
                // another node created it first: read theirs
            }
        }
        throw new IllegalStateException("The token store's identifier could not be read");
    }

    /** One strongly consistent query of the processor's segments; claims nothing, changes nothing. */
    @Override
    public OptionalLong lowestPosition(String processorName) {
        List<Map<String, AttributeValue>> items = segmentItems(processorName);
        if (items.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (Map<String, AttributeValue> item : items) {
            TrackingToken token = token(item);
            lowest = Math.min(lowest, token == null ? -1L : token.position().orElse(-1L));
        }
        return OptionalLong.of(lowest);
    }

    private List<Map<String, AttributeValue>> segmentItems(String processorName) {
        return Items.queryAll(client, b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", DynamoDbTables.PROCESSOR))
                .expressionAttributeValues(Map.of(":p", Items.s(processorName))));
    }

    private TrackingToken token(Map<String, AttributeValue> item) {
        byte[] data = Items.bytesOf(item, TOKEN);
        if (data == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, Items.stringOf(item, TOKEN_TYPE),
                Items.stringOf(item, TOKEN_REVISION)));
    }

    private void putToken(Map<String, AttributeValue> item, TrackingToken token) {
        if (token != null) {
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            item.put(TOKEN, Items.b(serialized.getData()));
            item.put(TOKEN_TYPE, Items.s(serialized.getType().getName()));
            if (serialized.getType().getRevision() != null) {
                item.put(TOKEN_REVISION, Items.s(serialized.getType().getRevision()));
            }
        }
    }

    private Map<String, String> claimNames() {
        return Map.of("#p", DynamoDbTables.PROCESSOR, "#o", OWNER, "#t", CLAIMED_AT);
    }

    @Override
    public OptionalLong confirmedAt(String processorName, int segment) {
        Long at = confirmed.get(claimKey(processorName, segment));
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    @Override
    public void renew(String processorName, int segment) {
        extendClaim(processorName, segment);
    }

    @Override
    public Duration claimTimeout() {
        return claimTimeout;
    }

    private static String claimKey(String processorName, int segment) {
        return processorName + "/" + segment;
    }

    private Map<String, AttributeValue> claimValues(long now) {
        return Map.of(":me", Items.s(nodeId), ":now", Items.n(now), ":expired", Items.n(now - claimTimeout.toMillis()));
    }

    private static Map<String, AttributeValue> key(String processorName, int segment) {
        return Map.of(DynamoDbTables.PROCESSOR, Items.s(processorName), DynamoDbTables.SEGMENT, Items.n(segment));
    }
}
