package io.modelregistry.server.axon.dynamodb;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The contract against the DynamoDB engine on dynalite, each test on tables of its own. */
class DynamoDbEventStorageEngineContractTest extends EventStorageEngineContract {

    private DynamoDbClient client;

    @Override
    EventStorageEngine newEngine() {
        client = Dynalite.shared().client();
        DynamoDbProperties.Tables tables = Dynalite.freshTables("contract");
        new DynamoDbTables(client, tables).createIfMissing(Duration.ofSeconds(30));
        var serializer = JacksonSerializer.defaultSerializer();
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).gapTimeout(Duration.ofSeconds(5))
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    @Override
    void closeEngine() {
        client.close();
    }
}
