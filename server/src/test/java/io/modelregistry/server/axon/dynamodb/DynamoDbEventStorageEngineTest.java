package io.modelregistry.server.axon.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What only the DynamoDB engine has to get right: gaps in the global order, abandoned batches, its tables. */
class DynamoDbEventStorageEngineTest {

    private static final Duration GAP_TIMEOUT = Duration.ofMillis(600);

    private DynamoDbClient client;
    private DynamoDbProperties.Tables tables;
    private DynamoDbEventStorageEngine engine;
    private CommitLog log;

    @BeforeEach
    void open() {
        client = Dynalite.shared().client();
        tables = Dynalite.freshTables("engine");
        new DynamoDbTables(client, tables).createIfMissing(Duration.ofSeconds(30));
        engine = newEngine();
        log = new CommitLog(client, tables.log());
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** The writers' clock, by which a sequence item's age is judged; moved by the tests, not by the machine's load. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    private DynamoDbEventStorageEngine newEngine() {
        var serializer = JacksonSerializer.defaultSerializer();
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).gapTimeout(GAP_TIMEOUT)
                .clock(clock).eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private List<String> tracked() {
        try (var stream = engine.readEvents(null, false)) {
            return EventStorageEngineContract.texts(stream.collect(Collectors.toList()));
        }
    }

    @Test
    void aPositionTakenByAWriterThatDiedHoldsReadersBackUntilTheGapTimeoutAndIsThenSkippedForGood() throws Exception {
        engine.appendEvents(EventStorageEngineContract.event("x", 0, "before"));
        long dead = log.allocate(2); // a writer took two positions and died before its commit
        engine.appendEvents(EventStorageEngineContract.event("x", 1, "after"));

        assertThat(tracked()).as("in order: nothing after the open gap yet").containsExactly("before");
        assertThat(engine.createHeadToken().position()).as("the head is the last commit").hasValue(dead + 2);
        Thread.sleep(GAP_TIMEOUT.toMillis() + 200);
        assertThat(tracked()).containsExactly("before", "after");
        assertThat(log.commit(dead, 2, 0, "the-dead-writer", EventRecord.encode(List.of()), null))
                .as("a late commit cannot appear after readers skipped its position").isFalse();
        assertThat(tracked()).containsExactly("before", "after");
    }

    @Test
    void aTrackingTokenInsideAUnitOfWorkResumesWithTheRestOfIt() {
        engine.appendEvents(EventStorageEngineContract.event("u", 0, "one"), EventStorageEngineContract.event("u", 1, "two"),
                EventStorageEngineContract.event("u", 2, "three"));
        List<TrackedEventMessage<?>> all;
        try (var stream = engine.readEvents(null, false)) {
            all = stream.collect(Collectors.toList());
        }
        try (var stream = engine.readEvents(all.get(0).trackingToken(), false)) {
            assertThat(EventStorageEngineContract.texts(stream.collect(Collectors.toList()))).containsExactly("two", "three");
        }
    }

    @Test
    void aSequenceLeftByAWriterThatDiedIsTakenOverOnceItIsOlderThanTheGapTimeout() {
        engine.appendEvents(EventStorageEngineContract.event("y", 0, "created"));
        long orphan = log.allocate(1);
        client.putItem(b -> b.tableName(tables.events()).item(Map.of(
                DynamoDbTables.AGGREGATE, Items.s("y"), DynamoDbTables.SEQUENCE, Items.n(1),
                "commit", Items.n(orphan), "index", Items.n(0), "count", Items.n(1),
                "at", Items.n(now.get().toEpochMilli()))));
        assertThat(engine.readEvents("y").asStream()).as("an uncommitted sequence is not part of the stream").hasSize(1);
        assertThatThrownBy(() -> engine.appendEvents(EventStorageEngineContract.event("y", 1, "too-soon")))
                .as("the writer may still be alive").isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);

        now.updateAndGet(t -> t.plus(GAP_TIMEOUT).plusMillis(1));
        engine.appendEvents(EventStorageEngineContract.event("y", 1, "taken-over"));
        assertThat(EventStorageEngineContract.texts(engine.readEvents("y").asStream().collect(Collectors.toList())))
                .containsExactly("created", "taken-over");
        assertThat(tracked()).containsExactly("created", "taken-over");
    }

    @Test
    void creatingTheTablesAgainKeepsTheLogAndAnotherEngineOnThemReadsIt() {
        engine.appendEvents(EventStorageEngineContract.event("z", 0, "kept"));
        new DynamoDbTables(client, tables).createIfMissing(Duration.ofSeconds(30));
        new DynamoDbTables(client, tables).requireActive(Duration.ofSeconds(5));
        engine = newEngine();
        assertThat(tracked()).containsExactly("kept");
        engine.appendEvents(EventStorageEngineContract.event("z", 1, "appended by the second engine"));
        assertThat(engine.readEvents("z").asStream()).hasSize(2);
    }

    @Test
    void aMissingTableStopsStartUpNamingItWhenTablesAreNotCreated() {
        var missing = Dynalite.freshTables("missing");
        assertThatThrownBy(() -> new DynamoDbTables(client, missing).requireActive(Duration.ofSeconds(5)))
                .hasMessageContaining(missing.events()).hasMessageContaining("does not exist");
    }
}
