package io.modelregistry.server.axon.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The event store's tables: created when missing (on-demand capacity), then awaited until active. Existing tables
 * are accepted as they are, so any number of nodes may start at once against the same account; Terraform may
 * also create them beforehand ({@code registry.dynamodb.create-tables=false} then only checks they exist).
 */
public final class DynamoDbTables {

    static final String AGGREGATE = "aggregateId";
    static final String SEQUENCE = "seq";
    static final String BUCKET = "bucket";
    static final String POSITION = "position";
    static final String DIGEST = "digest";
    static final String PART = "part";
    static final String PROCESSOR = "processor";
    static final String SEGMENT = "segment";
    static final String SOURCE_KEY = "source";
    static final String ARTIFACT = "artifactId";

    private static final Logger log = LoggerFactory.getLogger(DynamoDbTables.class);

    private final DynamoDbClient client;
    private final DynamoDbProperties.Tables names;

    public DynamoDbTables(DynamoDbClient client, DynamoDbProperties.Tables names) {
        this.client = client;
        this.names = names;
    }

    /** Creates every missing table and waits until all are active. Safe to call any number of times, anywhere. */
    public void createIfMissing(Duration activeTimeout) {
        List<CreateTableRequest> wanted = List.of(
                table(names.events(), AGGREGATE, ScalarAttributeType.S, SEQUENCE),
                table(names.log(), BUCKET, ScalarAttributeType.N, POSITION),
                table(names.snapshots(), AGGREGATE, ScalarAttributeType.S, null),
                table(names.payloads(), DIGEST, ScalarAttributeType.S, PART),
                table(names.tokens(), PROCESSOR, ScalarAttributeType.S, SEGMENT),
                table(names.claims(), SOURCE_KEY, ScalarAttributeType.S, null));
        for (CreateTableRequest request : wanted) {
            try {
                client.createTable(request);
                log.info("Created DynamoDB table {}", request.tableName());
            } catch (ResourceInUseException exists) {
                // created before, or by another node starting at the same time: accepted as it is
            }
        }
        for (CreateTableRequest request : wanted) {
            awaitActive(request.tableName(), activeTimeout);
        }
    }

    /** Fails start-up, naming the table, when one is missing or not active. */
    public void requireActive(Duration activeTimeout) {
        for (String table : List.of(names.events(), names.log(), names.snapshots(), names.payloads(), names.tokens(),
                names.claims())) {
            awaitActive(table, activeTimeout);
        }
    }

    /** Polls (every 100 ms, not the SDK waiter's 20 s) until the table is active, at most {@code timeout}. */
    private void awaitActive(String table, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TableStatus status;
            try {
                status = client.describeTable(b -> b.tableName(table)).table().tableStatus();
            } catch (ResourceNotFoundException missing) {
                throw new IllegalStateException("DynamoDB table " + table + " does not exist (registry.dynamodb."
                        + "create-tables is false)", missing);
            }
            if (status == TableStatus.ACTIVE) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DynamoDB table " + table + " is " + status + ", not ACTIVE, after "
                        + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for DynamoDB table " + table, e);
            }
        }
    }

    private static CreateTableRequest table(String name, String hash, ScalarAttributeType hashType, String range) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build());
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            attributes.add(AttributeDefinition.builder().attributeName(range).attributeType(ScalarAttributeType.N)
                    .build());
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        return CreateTableRequest.builder().tableName(name).attributeDefinitions(attributes).keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }
}
