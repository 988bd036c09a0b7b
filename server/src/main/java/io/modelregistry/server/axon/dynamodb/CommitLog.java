package io.modelregistry.server.axon.dynamodb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The global order of the log table. One counter item hands out positions; a unit of work of n events takes n
 * consecutive positions with one {@code ADD} and becomes visible with one commit item, keyed by its first
 * position, that holds all n events. A position that was taken and never committed is closed by a tombstone
 * (kind {@code A}) written under the same key: a conditional put on the commit's key decides, once and for all
 * readers and the writer alike, whether that position holds events or is a gap.
 *
 * <p>Items live in buckets of {@value #BUCKET_SIZE} positions (partition key {@code bucket = position / size}, sort
 * key {@code position}), so a reader follows the log with strongly consistent queries on the base table: no
 * secondary index, whose reads are only eventually consistent, is on the read path.
 */
final class CommitLog {

    static final long BUCKET_SIZE = 4096;
    static final String COUNT = "count";
    static final String KIND = "kind";
    static final String AT = "at";
    static final String WRITER = "writer";
    static final String EVENTS = "events";
    static final String EVENTS_REF = "eventsRef";
    static final String COMMITTED = "C";
    static final String ABORTED = "A";
    private static final long COUNTER_BUCKET = -1;
    private static final String NEXT = "next";
    private static final int BATCH_GET_LIMIT = 100;
    private static final int MAX_UNPROCESSED_ROUNDS = 20;

    /** A commit or tombstone as read back. */
    record Entry(long position, long count, boolean committed, long at, String writer, byte[] events,
                 String eventsRef) {

        long last() {
            return position + count - 1;
        }
    }

    private final DynamoDbClient client;
    private final String table;

    CommitLog(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    static long bucketOf(long position) {
        return position / BUCKET_SIZE;
    }

    private static Map<String, AttributeValue> key(long position) {
        return Map.of(DynamoDbTables.BUCKET, Items.n(bucketOf(position)), DynamoDbTables.POSITION, Items.n(position));
    }

    private static Map<String, AttributeValue> counterKey() {
        return Map.of(DynamoDbTables.BUCKET, Items.n(COUNTER_BUCKET), DynamoDbTables.POSITION, Items.n(0));
    }

    /** Takes {@code count} consecutive positions; returns the first. Positions start at 1. */
    long allocate(int count) {
        var response = client.updateItem(b -> b.tableName(table).key(counterKey())
                .updateExpression("ADD #n :c")
                .expressionAttributeNames(Map.of("#n", NEXT))
                .expressionAttributeValues(Map.of(":c", Items.n(count)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Items.longOf(response.attributes(), NEXT) - count + 1;
    }

    /** The highest position taken so far (committed or not), 0 when none. */
    long allocated() {
        var item = client.getItem(b -> b.tableName(table).key(counterKey()).consistentRead(true)).item();
        return item == null || !item.containsKey(NEXT) ? 0 : Items.longOf(item, NEXT);
    }

    /** Writes the commit of positions {@code first .. first+count-1}; false when that key is already taken. */
    boolean commit(long first, long count, long at, String writer, byte[] events, String eventsRef) {
        Map<String, AttributeValue> item = new HashMap<>(key(first));
        item.put(COUNT, Items.n(count));
        item.put(KIND, Items.s(COMMITTED));
        item.put(AT, Items.n(at));
        item.put(WRITER, Items.s(writer));
        if (eventsRef != null) {
            item.put(EVENTS_REF, Items.s(eventsRef));
        } else {
            item.put(EVENTS, Items.b(events));
        }
        return putIfAbsent(item);
    }

    /** Closes {@code position .. position+count-1} for good; false when a commit or tombstone holds the key. */
    boolean tombstone(long position, long count, long at, String writer) {
        Map<String, AttributeValue> item = new HashMap<>(key(position));
        item.put(COUNT, Items.n(count));
        item.put(KIND, Items.s(ABORTED));
        item.put(AT, Items.n(at));
        item.put(WRITER, Items.s(writer));
        return putIfAbsent(item);
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#p)")
                    .expressionAttributeNames(Map.of("#p", DynamoDbTables.POSITION)));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    Optional<Entry> get(long position) {
        var item = client.getItem(b -> b.tableName(table).key(key(position)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item));
    }

    /** The entries at these positions (those that exist), strongly consistent. */
    Map<Long, Entry> getAll(List<Long> positions) {
        Map<Long, Entry> found = new HashMap<>();
        for (int from = 0; from < positions.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = positions.subList(from,
                    Math.min(positions.size(), from + BATCH_GET_LIMIT)).stream().distinct().map(CommitLog::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == MAX_UNPROCESSED_ROUNDS) {
                    throw new IllegalStateException("DynamoDB left keys of " + table + " unprocessed " + round
                            + " times");
                }
                Map<String, KeysAndAttributes> pending = request;
                var response = client.batchGetItem(b -> b.requestItems(pending));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(Items.longOf(item, DynamoDbTables.POSITION), entry(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    pause(round);
                }
            }
        }
        return found;
    }

    /** Entries at or after {@code from} within its bucket, ascending, at most {@code limit}. */
    List<Entry> from(long from, int limit) {
        var response = client.query(b -> b.tableName(table).consistentRead(true).limit(limit)
                .keyConditionExpression("#b = :b AND #p >= :p")
                .expressionAttributeNames(Map.of("#b", DynamoDbTables.BUCKET, "#p", DynamoDbTables.POSITION))
                .expressionAttributeValues(Map.of(":b", Items.n(bucketOf(from)), ":p", Items.n(from))));
        return response.items().stream().map(CommitLog::entry).toList();
    }

    /** The entry with the highest key at or below {@code position}, looking back at most one bucket. */
    Optional<Entry> floor(long position) {
        for (long bucket = bucketOf(position); bucket >= Math.max(0, bucketOf(position) - 1); bucket--) {
            long b0 = bucket;
            var response = client.query(b -> b.tableName(table).consistentRead(true).limit(1).scanIndexForward(false)
                    .keyConditionExpression("#b = :b AND #p <= :p")
                    .expressionAttributeNames(Map.of("#b", DynamoDbTables.BUCKET, "#p", DynamoDbTables.POSITION))
                    .expressionAttributeValues(Map.of(":b", Items.n(b0), ":p", Items.n(position))));
            if (!response.items().isEmpty()) {
                return Optional.of(entry(response.items().get(0)));
            }
        }
        return Optional.empty();
    }

    /** The last position of the newest commit (not tombstone) at or below {@code upTo}, or -1 when there is none. */
    long lastCommitted(long upTo) {
        for (long bucket = bucketOf(upTo); bucket >= 0; bucket--) {
            long b0 = bucket;
            Map<String, AttributeValue> start = null;
            for (int page = 0; page < Items.MAX_PAGES; page++) {
                Map<String, AttributeValue> from = start;
                var response = client.query(b -> {
                    b.tableName(table).consistentRead(true).scanIndexForward(false).limit(16)
                            .keyConditionExpression("#b = :b AND #p <= :p")
                            .expressionAttributeNames(Map.of("#b", DynamoDbTables.BUCKET,
                                    "#p", DynamoDbTables.POSITION))
                            .expressionAttributeValues(Map.of(":b", Items.n(b0), ":p", Items.n(upTo)));
                    if (from != null) {
                        b.exclusiveStartKey(from);
                    }
                });
                for (var item : response.items()) {
                    Entry entry = entry(item);
                    if (entry.committed()) {
                        return entry.last();
                    }
                }
                if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                start = response.lastEvaluatedKey();
            }
        }
        return -1;
    }

    /** First commit whose time is at or after {@code epochMillis}: its position, or -1 when none is. */
    long firstCommittedAtOrAfter(long epochMillis, long upTo) {
        for (long bucket = 0; bucket <= bucketOf(upTo); bucket++) {
            long b0 = bucket;
            List<Map<String, AttributeValue>> items = Items.queryAll(client, b -> b.tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#b = :b")
                    .filterExpression("#k = :c AND #a >= :a")
                    .projectionExpression("#p")
                    .expressionAttributeNames(Map.of("#b", DynamoDbTables.BUCKET, "#p", DynamoDbTables.POSITION,
                            "#k", KIND, "#a", AT))
                    .expressionAttributeValues(Map.of(":b", Items.n(b0), ":c", Items.s(COMMITTED),
                            ":a", Items.n(epochMillis))));
            if (!items.isEmpty()) {
                return Items.longOf(items.get(0), DynamoDbTables.POSITION);
            }
        }
        return -1;
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        return new Entry(Items.longOf(item, DynamoDbTables.POSITION), Items.longOf(item, COUNT),
                COMMITTED.equals(Items.stringOf(item, KIND)), Items.longOf(item, AT), Items.stringOf(item, WRITER),
                Items.bytesOf(item, EVENTS), Items.stringOf(item, EVENTS_REF));
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(1000, 20L << Math.min(round, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event log", e);
        }
    }

}
