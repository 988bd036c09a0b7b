package io.modelregistry.server.axon.dynamodb;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Byte strings too large for one DynamoDB item (400 KB), kept in the payloads table in parts of
 * {@value #PART_BYTES} bytes under their sha-256. Content-addressed, so writing the same bytes twice (a retried
 * append) writes the same items; written before the item that references them (blob first, event second).
 */
final class PayloadChunks {

    static final int PART_BYTES = 300 * 1024;

    private final DynamoDbClient client;
    private final String table;

    PayloadChunks(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** Stores {@code data}; returns its sha-256 (hex), the reference to keep. */
    String put(byte[] data) {
        String digest = sha256(data);
        int parts = Math.max(1, (data.length + PART_BYTES - 1) / PART_BYTES);
        for (int i = 0; i < parts; i++) {
            int part = i;
            byte[] slice = Arrays.copyOfRange(data, part * PART_BYTES, Math.min(data.length, (part + 1) * PART_BYTES));
            client.putItem(b -> b.tableName(table).item(Map.of(
                    DynamoDbTables.DIGEST, Items.s(digest),
                    DynamoDbTables.PART, Items.n(part),
                    "parts", Items.n(parts),
                    "data", AttributeValue.fromB(SdkBytes.fromByteArray(slice)))));
        }
        return digest;
    }

    /** The bytes stored under {@code digest}, checked against it. */
    byte[] get(String digest) {
        var out = new ByteArrayOutputStream();
        long expectedParts = -1;
        int seen = 0;
        for (Map<String, AttributeValue> item : Items.queryAll(client, b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#d = :d")
                .expressionAttributeNames(Map.of("#d", DynamoDbTables.DIGEST))
                .expressionAttributeValues(Map.of(":d", Items.s(digest))))) {
            if (Items.longOf(item, DynamoDbTables.PART) != seen) {
                throw new IllegalStateException("Stored payload " + digest + " misses part " + seen);
            }
            expectedParts = Items.longOf(item, "parts");
            out.writeBytes(item.get("data").b().asByteArray());
            seen++;
        }
        byte[] data = out.toByteArray();
        if (seen == 0 || seen != expectedParts || !sha256(data).equals(digest)) {
            throw new IllegalStateException("Stored payload " + digest + " is missing or incomplete (" + seen
                    + " parts)");
        }
        return data;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
