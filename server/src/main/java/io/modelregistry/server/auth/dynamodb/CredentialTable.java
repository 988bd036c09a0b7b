package io.modelregistry.server.auth.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The one credentials table: accounts (key {@code u#<name>}) and tokens (key {@code t#<sha-256>}), partition key
 * {@code pk} only. Created when missing (on demand) or only checked, as the event store's tables are.
 */
final class CredentialTable {

    static final String KEY = "pk";
    /** A scan reads at most this many pages (1 MB each): no unbounded loop over the table. */
    static final int MAX_PAGES = 10_000;

    private final DynamoDbClient client;
    private final String name;

    CredentialTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    String name() {
        return name;
    }

    void createIfMissing(Duration activeTimeout) {
        try {
            client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(KEY)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
        } catch (ResourceInUseException exists) {
            // created before, or by another node starting at the same time
        }
        requireActive(activeTimeout);
    }

    void requireActive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TableStatus status;
            try {
                status = client.describeTable(b -> b.tableName(name)).table().tableStatus();
            } catch (ResourceNotFoundException missing) {
                throw new IllegalStateException("DynamoDB table " + name + " does not exist (registry.dynamodb."
                        + "create-tables is false)", missing);
            }
            if (status == TableStatus.ACTIVE) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DynamoDB table " + name + " is " + status + ", not ACTIVE");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for DynamoDB table " + name, e);
            }
        }
    }

    /** Every item whose key starts with {@code prefix} (strongly consistent), following pagination. */
    List<Map<String, AttributeValue>> scan(String prefix, Consumer<ScanRequest.Builder> more) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, AttributeValue> from = start;
            ScanResponse response = client.scan(b -> {
                b.tableName(name).consistentRead(true).filterExpression("begins_with(#pk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", KEY))
                        .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(prefix)));
                more.accept(b);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            items.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            start = response.lastEvaluatedKey();
        }
        throw new IllegalStateException("The credentials table has more than " + MAX_PAGES + " pages");
    }
}
