package io.modelregistry.server.benchmark;

import io.modelregistry.server.axon.EventTables;
import io.modelregistry.server.axon.dynamodb.DynamoDbEventStorageEngine;
import io.modelregistry.server.axon.dynamodb.DynamoDbProperties;
import io.modelregistry.server.axon.dynamodb.DynamoDbTables;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Append throughput and latency of the DynamoDB engine on dynalite against Axon's JDBC engine on an H2 file
 * database, in one run, rounds alternating so machine noise hits both alike. Each append is one unit of work with
 * one event (about 2 KB, the size of a registration) of a new aggregate, from {@code benchmark.threads} threads.
 * Not a timed test: it reports, it does not assert.
 *
 * <pre>
 * mvn -B -ntp -Pbenchmark -pl server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=EventStoreAppendBenchmark -Dbenchmark.appends=2000 -Dbenchmark.rounds=2
 * </pre>
 */
class EventStoreAppendBenchmark {

    record Payload(String text) {
    }

    private static final int APPENDS = Integer.getInteger("benchmark.appends", 2000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
    private static final int WARM_UP = 200;
    private static final String TEXT = "x".repeat(2000);

    @TempDir
    Path temp;

    record Result(double perSecond, double p50Ms, double p99Ms) {
    }

    @Test
    void appendThroughputAndP99OfDynamoDbOnDynaliteAgainstH2() throws Exception {
        List<Result> h2 = new ArrayList<>();
        List<Result> dynamo = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            h2.add(run(h2Engine(round)));
            dynamo.add(run(dynamoEngine()));
        }
        StringBuilder report = new StringBuilder("| engine | appends/s | p50 ms | p99 ms |\n| --- | --- | --- | --- |\n");
        for (int round = 0; round < ROUNDS; round++) {
            row(report, "H2 file (WRITE_DELAY 0), round " + (round + 1), h2.get(round));
            row(report, "DynamoDB on dynalite, round " + (round + 1), dynamo.get(round));
        }
        double h2Rate = h2.stream().mapToDouble(Result::perSecond).average().orElse(0);
        double dynamoRate = dynamo.stream().mapToDouble(Result::perSecond).average().orElse(0);
        double h2P99 = h2.stream().mapToDouble(Result::p99Ms).average().orElse(0);
        double dynamoP99 = dynamo.stream().mapToDouble(Result::p99Ms).average().orElse(0);
        report.append(String.format(Locale.ROOT, "%nthroughput dynamodb / h2 = %.2f; p99 dynamodb / h2 = %.1f "
                        + "(%d appends per round, %d threads, %d rounds)%n", dynamoRate / h2Rate, dynamoP99 / h2P99,
                APPENDS, THREADS, ROUNDS));
        System.out.println("[benchmark] event store appends\n" + report);
        Files.writeString(Path.of("target", "benchmark-event-store.md"), report.toString());
    }

    private static void row(StringBuilder report, String name, Result r) {
        report.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |%n", name, r.perSecond(), r.p50Ms(),
                r.p99Ms()));
    }

    private EventStorageEngine h2Engine(int round) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + temp.resolve("h2-" + round + "/events") + ";DB_CLOSE_ON_EXIT=FALSE");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            EventSchema schema = EventSchema.builder().build();
            EventTables.createDomainEventTable(connection, schema);
            EventTables.createSnapshotEventTable(connection, schema);
            statement.execute("SET WRITE_DELAY 0"); // every commit written to the file before it returns
        }
        var serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private EventStorageEngine dynamoEngine() {
        var client = Dynalite.shared().client();
        DynamoDbProperties.Tables tables = Dynalite.freshTables("benchmark");
        new DynamoDbTables(client, tables).createIfMissing(Duration.ofSeconds(30));
        var serializer = JacksonSerializer.defaultSerializer();
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
    }

    private static Result run(EventStorageEngine engine) throws Exception {
        append(engine, WARM_UP, "warm");
        long started = System.nanoTime();
        long[] latencies = append(engine, APPENDS, "run");
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Result(APPENDS / seconds, latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] / 1e6);
    }

    private static long[] append(EventStorageEngine engine, int count, String prefix) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(threads.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        long start = System.nanoTime();
                        engine.appendEvents(new GenericDomainEventMessage<>("Artifact", prefix + "-" + i + "-"
                                + System.nanoTime(), 0, new Payload(TEXT)));
                        latencies[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return latencies;
    }
}
