package io.modelregistry.server.axon.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every event storage engine of the registry must do, whatever it stores in: run against the embedded JDBC
 * engine and the DynamoDB engine alike, so the two cannot drift apart.
 */
abstract class EventStorageEngineContract {

    /** A test event; the registry's own events are records of the same kind. */
    public record Noted(String text) {
    }

    static final String TYPE = "Thing";

    EventStorageEngine engine;

    /** A fresh, empty engine. */
    abstract EventStorageEngine newEngine() throws Exception;

    void closeEngine() throws Exception {
    }

    @BeforeEach
    void open() throws Exception {
        engine = newEngine();
    }

    @AfterEach
    void close() throws Exception {
        closeEngine();
    }

    static DomainEventMessage<Noted> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>(TYPE, aggregate, sequence, new Noted(text), MetaData.with("by", "test"));
    }

    List<TrackedEventMessage<?>> track(TrackingToken from) {
        try (var stream = engine.readEvents(from, false)) {
            return stream.collect(Collectors.toList());
        }
    }

    static List<String> texts(List<? extends EventMessage<?>> events) {
        return events.stream().map(e -> ((Noted) e.getPayload()).text()).toList();
    }

    @Test
    void anAggregatesEventsAreReadBackInOrderWithPayloadAndMetadata() {
        engine.appendEvents(event("a1", 0, "zero"), event("a1", 1, "one"));
        engine.appendEvents(event("b1", 0, "other"));
        engine.appendEvents(event("a1", 2, "two"));

        List<DomainEventMessage<?>> read = engine.readEvents("a1").asStream().collect(Collectors.toList());
        assertThat(texts(read)).containsExactly("zero", "one", "two");
        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(read.get(1).getMetaData()).containsEntry("by", "test");
        assertThat(read.get(1).getType()).isEqualTo(TYPE);
        assertThat(texts(engine.readEvents("a1", 1).asStream().collect(Collectors.toList()))).containsExactly("one", "two");
        assertThat(engine.readEvents("nobody").asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor("a1")).hasValue(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void creatingAnAggregateTwiceFailsWithAxonsStreamCreationException() {
        engine.appendEvents(event("c1", 0, "first"));
        assertThatThrownBy(() -> engine.appendEvents(event("c1", 0, "again")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(texts(engine.readEvents("c1").asStream().collect(Collectors.toList()))).containsExactly("first");
    }

    @Test
    void ofTwoConcurrentAppendsAtTheSameSequenceExactlyOneWinsEveryTime() throws Exception {
        engine.appendEvents(event("hot", 0, "created"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int sequence = 1; sequence <= 25; sequence++) {
                long seq = sequence;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> racers = new ArrayList<>();
                for (String racer : List.of("left", "right")) {
                    racers.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            engine.appendEvents(event("hot", seq, racer + seq));
                            return true;
                        } catch (ConcurrencyException lost) {
                            return false;
                        }
                    }));
                }
                int winners = 0;
                for (Future<Boolean> racer : racers) {
                    winners += racer.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners at sequence %d", seq).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        List<DomainEventMessage<?>> stream = engine.readEvents("hot").asStream().collect(Collectors.toList());
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 25).mapToObj(Long::valueOf).toList());
        assertThat(track(null)).hasSize(26);
    }

    @Test
    void aUnitOfWorkThatLosesARaceLeavesNoneOfItsEventsVisible() {
        engine.appendEvents(event("taken", 0, "winner"));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("fresh", 0, "lost-1"), event("taken", 0, "lost-2"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(event("taken", 1, "winner-2"));
        // the JDBC engine names the batch's first event as the culprit, the DynamoDB engine the one that lost
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("fresh", 0, "lost-3"), event("taken", 1, "lost-4"))))
                .isInstanceOfAny(ConcurrencyException.class, AggregateStreamCreationException.class);
        assertThat(engine.readEvents("fresh").asStream()).isEmpty();
        assertThat(texts(track(null))).containsExactly("winner", "winner-2");
        engine.appendEvents(event("fresh", 0, "later"));
        assertThat(texts(engine.readEvents("fresh").asStream().collect(Collectors.toList()))).containsExactly("later");
        assertThat(texts(track(null))).containsExactly("winner", "winner-2", "later");
    }

    @Test
    void theGlobalStreamHasEveryEventOnceInAppendOrderAndResumesAfterAnyToken() {
        engine.appendEvents(event("g1", 0, "e1"), event("g2", 0, "e2"), event("g1", 1, "e3"));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("e4-plain")));
        engine.appendEvents(event("g2", 1, "e5"));

        List<TrackedEventMessage<?>> all = track(null);
        assertThat(texts(all)).containsExactly("e1", "e2", "e3", "e4-plain", "e5");
        List<Long> positions = all.stream().map(e -> e.trackingToken().position().orElseThrow()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < all.size(); i++) {
            assertThat(texts(track(all.get(i).trackingToken()))).as("after token %d", i)
                    .containsExactlyElementsOf(texts(all.subList(i + 1, all.size())));
        }
        assertThat(engine.createHeadToken().position()).hasValue(positions.get(positions.size() - 1));
    }

    @Test
    void aPayloadLargerThanADynamoDbItemRoundTrips() {
        String big = IntStream.range(0, 20_000).mapToObj(i -> "line " + i + " of a large README ")
                .collect(Collectors.joining("\n"));
        assertThat(big.length()).isGreaterThan(500_000);
        engine.appendEvents(event("big", 0, big), event("big", 1, "small"));
        assertThat(texts(engine.readEvents("big").asStream().collect(Collectors.toList()))).containsExactly(big, "small");
        assertThat(texts(track(null))).containsExactly(big, "small");
        engine.storeSnapshot(event("big", 1, big + " snapshot"));
        assertThat(engine.readSnapshot("big")).hasValueSatisfying(s -> assertThat(((Noted) s.getPayload()).text())
                .isEqualTo(big + " snapshot"));
    }

    @Test
    void theLatestSnapshotIsKeptAndTheEventsAfterItAreReadOnTheirOwn() {
        engine.appendEvents(event("s1", 0, "e0"), event("s1", 1, "e1"));
        engine.appendEvents(event("s1", 2, "e2"));
        assertThat(engine.readSnapshot("s1")).isEmpty();
        engine.storeSnapshot(event("s1", 1, "state-at-1"));
        engine.storeSnapshot(event("s1", 0, "older"));
        assertThat(engine.readSnapshot("s1")).hasValueSatisfying(s -> {
            assertThat(s.getSequenceNumber()).isEqualTo(1);
            assertThat(((Noted) s.getPayload()).text()).isEqualTo("state-at-1");
        });
        long from = engine.readSnapshot("s1").orElseThrow().getSequenceNumber() + 1;
        assertThat(texts(engine.readEvents("s1", from).asStream().collect(Collectors.toList()))).containsExactly("e2");
        assertThat(texts(track(null))).as("snapshots are not events").containsExactly("e0", "e1", "e2");
    }
}
