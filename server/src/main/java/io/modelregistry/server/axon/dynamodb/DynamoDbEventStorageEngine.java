package io.modelregistry.server.axon.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Axon's event storage engine on DynamoDB, with conditional {@code PutItem}/{@code UpdateItem} only (no
 * transactions, no streams). See {@code docs/decisions/0061-dynamodb-event-store.md}.
 *
 * <p><b>Append</b> (one call per unit of work): the batch is encoded (and, when over {@value #INLINE_LIMIT} bytes,
 * stored first in the payload chunks); {@code n} positions are taken from the counter; each domain event puts a
 * small item {@code (aggregateId, seq)} with {@code attribute_not_exists}, the optimistic lock; then one commit item
 * at the first position makes the whole batch visible at once. A lost race on an aggregate's sequence closes the
 * batch's positions with a tombstone, removes its own sequence items and fails with Axon's concurrency exception.
 *
 * <p><b>Reads</b>: an aggregate's stream is its sequence items (one strongly consistent query) whose commits exist
 * (one batch get); sequence items without a commit belong to a batch in flight or abandoned and are not part of the
 * stream. Tracking readers follow positions in order and never pass one that is neither committed nor closed: they
 * wait, and after {@code gapTimeout} close it with a tombstone, which a late writer's commit then cannot overwrite.
 * So no event is ever delivered after a reader has skipped its position, and tokens are plain global sequences.
 */
public final class DynamoDbEventStorageEngine extends AbstractEventStorageEngine {

    /** Largest encoded batch kept inside its commit item; DynamoDB items are at most 400 KB. */
    static final int INLINE_LIMIT = 350 * 1024;
    private static final Logger log = LoggerFactory.getLogger(DynamoDbEventStorageEngine.class);
    private static final String COMMIT = "commit";
    private static final String INDEX = "index";
    private static final String COUNT = "count";
    private static final String AT = "at";
    private static final String DATA = "data";
    private static final String DATA_REF = "dataRef";
    private static final int PAGE = 100;
    private static final int MAX_ROUNDS_PER_READ = 256;
    private static final int MAX_TRACKED_GAPS = 100_000;
    private static final int GAP_TIMER_AHEAD = 1024;

    private final DynamoDbClient client;
    private final DynamoDbProperties.Tables tables;
    private final CommitLog commits;
    private final PayloadChunks chunks;
    private final Duration gapTimeout;
    private final Clock clock;
    private final String writer = UUID.randomUUID().toString();
    /** When each position that held readers back was first seen missing (System.nanoTime). */
    private final Map<Long, Long> gapSince = new ConcurrentHashMap<>();

    private DynamoDbEventStorageEngine(Builder builder) {
        super(builder);
        this.client = builder.client;
        this.tables = builder.tables;
        this.commits = new CommitLog(client, tables.log());
        this.chunks = new PayloadChunks(client, tables.payloads());
        this.gapTimeout = builder.gapTimeout;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        List<EventRecord> records = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> message = EventUtils.asDomainEventMessage(event);
            messages.add(message);
            records.add(EventRecord.of(message, serializer));
        }
        byte[] encoded = EventRecord.encode(records);
        String ref = encoded.length > INLINE_LIMIT ? chunks.put(encoded) : null; // blob first, event second
        int count = records.size();
        long first = commits.allocate(count);
        long now = clock.millis();
        List<EventRecord> locked = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                EventRecord record = records.get(i);
                if (!record.hasAggregate()) {
                    continue;
                }
                if (!lockSequence(record, first, i, count, now)) {
                    abandon(first, count, locked);
                    handlePersistenceException(new SequenceTakenException(record), messages.get(i));
                }
                locked.add(record);
            }
            if (!commits.commit(first, count, now, writer, ref == null ? encoded : null, ref)
                    && !ownCommit(first)) {
                removeLocks(first, locked);
                throw new EventStoreException("The append of " + count + " event(s) at position " + first
                        + " took longer than registry.dynamodb.gap-timeout (" + gapTimeout + "): readers closed its "
                        + "positions, nothing was stored");
            }
        } catch (SdkException e) {
            // the commit may have been written and only its answer lost: closing the positions settles which
            if (!closeAfterFailure(first, count, locked)) {
                return;
            }
            throw new EventStoreException("DynamoDB did not store the events; nothing was committed", e);
        }
    }

    /** After a failed call: false when our commit turns out to exist (the append succeeded after all). */
    private boolean closeAfterFailure(long first, int count, List<EventRecord> locked) {
        try {
            if (commits.tombstone(first, count, clock.millis(), writer)) {
                removeLocks(first, locked);
                return true;
            }
            return !ownCommit(first);
        } catch (SdkException again) {
            log.warn("Could not settle positions {}..{} after a failed append; readers close them after the gap "
                    + "timeout and its sequence items are taken over after it", first, first + count - 1, again);
            return true;
        }
    }

    /** The sequence item: put if absent; a stale item of an abandoned batch is replaced once. */
    private boolean lockSequence(EventRecord record, long first, int index, int count, long now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Map<String, AttributeValue> item = Map.of(
                    DynamoDbTables.AGGREGATE, Items.s(record.aggregateId()),
                    DynamoDbTables.SEQUENCE, Items.n(record.sequence()),
                    COMMIT, Items.n(first), INDEX, Items.n(index), COUNT, Items.n(count), AT, Items.n(now));
            try {
                client.putItem(b -> b.tableName(tables.events()).item(item)
                        .conditionExpression("attribute_not_exists(#a)")
                        .expressionAttributeNames(Map.of("#a", DynamoDbTables.AGGREGATE)));
                return true;
            } catch (ConditionalCheckFailedException taken) {
                var existing = client.getItem(b -> b.tableName(tables.events()).consistentRead(true)
                        .key(sequenceKey(record.aggregateId(), record.sequence()))).item();
                if (existing == null || existing.isEmpty()) {
                    continue; // removed meanwhile: try again
                }
                long theirs = Items.longOf(existing, COMMIT);
                if (theirs == first) {
                    return true; // our own put, retried by the SDK after a lost response
                }
                if (!abandoned(existing, theirs)) {
                    return false;
                }
                deleteLock(record.aggregateId(), record.sequence(), theirs);
            }
        }
        return false;
    }

    /** A sequence item whose batch was closed, or never committed within the gap timeout (its writer died). */
    private boolean abandoned(Map<String, AttributeValue> lock, long commitPosition) {
        Optional<CommitLog.Entry> entry = commits.get(commitPosition);
        if (entry.isPresent()) {
            return !entry.get().committed();
        }
        if (clock.millis() - Items.longOf(lock, AT) < gapTimeout.toMillis()) {
            return false; // a batch in flight
        }
        if (commits.tombstone(commitPosition, Items.longOf(lock, COUNT), clock.millis(), writer)) {
            return true;
        }
        return commits.get(commitPosition).map(e -> !e.committed()).orElse(false);
    }

    private boolean ownCommit(long first) {
        return commits.get(first).map(e -> e.committed() && writer.equals(e.writer())).orElse(false);
    }

    /** A lost race: closes this batch's positions (so readers need not wait) and removes its sequence items. */
    private void abandon(long first, int count, List<EventRecord> locked) {
        try {
            if (commits.tombstone(first, count, clock.millis(), writer)) {
                removeLocks(first, locked);
            }
        } catch (SdkException e) {
            log.warn("Could not close abandoned positions {}..{}; readers skip them after the gap timeout", first,
                    first + count - 1, e);
        }
    }

    private void removeLocks(long first, List<EventRecord> locked) {
        for (EventRecord record : locked) {
            deleteLock(record.aggregateId(), record.sequence(), first);
        }
    }

    private void deleteLock(String aggregateId, long sequence, long commit) {
        try {
            client.deleteItem(b -> b.tableName(tables.events()).key(sequenceKey(aggregateId, sequence))
                    .conditionExpression("#c = :c")
                    .expressionAttributeNames(Map.of("#c", COMMIT))
                    .expressionAttributeValues(Map.of(":c", Items.n(commit))));
        } catch (ConditionalCheckFailedException replaced) {
            // already replaced by a later batch
        }
    }

    private static Map<String, AttributeValue> sequenceKey(String aggregateId, long sequence) {
        return Map.of(DynamoDbTables.AGGREGATE, Items.s(aggregateId), DynamoDbTables.SEQUENCE, Items.n(sequence));
    }

    // ---------------------------------------------------------------- aggregates

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        List<Map<String, AttributeValue>> locks = Items.queryAll(client, b -> b.tableName(tables.events())
                .consistentRead(true)
                .keyConditionExpression("#a = :a AND #s >= :s")
                .expressionAttributeNames(Map.of("#a", DynamoDbTables.AGGREGATE, "#s", DynamoDbTables.SEQUENCE))
                .expressionAttributeValues(Map.of(":a", Items.s(identifier), ":s", Items.n(firstSequenceNumber))));
        return committedEvents(locks).stream().map(EventRecord::data);
    }

    /** The events of these sequence items, in order, up to the first one whose batch is not committed. */
    private List<EventRecord> committedEvents(List<Map<String, AttributeValue>> locks) {
        Map<Long, CommitLog.Entry> entries = commits.getAll(locks.stream().map(l -> Items.longOf(l, COMMIT)).toList());
        Map<Long, List<EventRecord>> decoded = new TreeMap<>();
        List<EventRecord> events = new ArrayList<>();
        for (Map<String, AttributeValue> lock : locks) {
            CommitLog.Entry entry = entries.get(Items.longOf(lock, COMMIT));
            if (entry == null || !entry.committed()) {
                break;
            }
            List<EventRecord> batch = decoded.computeIfAbsent(entry.position(), p -> events(entry));
            events.add(batch.get((int) Items.longOf(lock, INDEX)));
        }
        return events;
    }

    private List<EventRecord> events(CommitLog.Entry entry) {
        return EventRecord.decode(entry.eventsRef() != null ? chunks.get(entry.eventsRef()) : entry.events());
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<? extends DomainEventData<?>> events = readEventData(aggregateIdentifier, 0).toList();
        return events.isEmpty() ? Optional.empty()
                : Optional.of(events.get(events.size() - 1).getSequenceNumber());
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        byte[] encoded = EventRecord.encode(List.of(EventRecord.of(snapshot, serializer)));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(DynamoDbTables.AGGREGATE, Items.s(snapshot.getAggregateIdentifier()));
        item.put(DynamoDbTables.SEQUENCE, Items.n(snapshot.getSequenceNumber()));
        if (encoded.length > INLINE_LIMIT) {
            item.put(DATA_REF, Items.s(chunks.put(encoded)));
        } else {
            item.put(DATA, Items.b(encoded));
        }
        try {
            client.putItem(b -> b.tableName(tables.snapshots()).item(item)
                    .conditionExpression("attribute_not_exists(#a) OR #s < :s")
                    .expressionAttributeNames(Map.of("#a", DynamoDbTables.AGGREGATE, "#s", DynamoDbTables.SEQUENCE))
                    .expressionAttributeValues(Map.of(":s", Items.n(snapshot.getSequenceNumber()))));
        } catch (ConditionalCheckFailedException newer) {
            // a snapshot at this or a later sequence is kept already
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        var item = client.getItem(b -> b.tableName(tables.snapshots()).consistentRead(true)
                .key(Map.of(DynamoDbTables.AGGREGATE, Items.s(aggregateIdentifier)))).item();
        if (item == null || item.isEmpty()) {
            return Stream.empty();
        }
        String ref = Items.stringOf(item, DATA_REF);
        byte[] data = ref != null ? chunks.get(ref) : Items.bytesOf(item, DATA);
        return EventRecord.decode(data).stream().map(EventRecord::data);
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        long after;
        if (trackingToken == null) {
            after = 0;
        } else if (trackingToken instanceof GlobalSequenceTrackingToken global) {
            after = global.getGlobalIndex();
        } else {
            throw new IllegalArgumentException("The DynamoDB event store tracks with GlobalSequenceTrackingToken, not "
                    + trackingToken.getClass().getSimpleName());
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new LogReader(after),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /** The last committed position: where a write that has returned is sure to be at or below. */
    @Override
    public TrackingToken createHeadToken() {
        long last = commits.lastCommitted(commits.allocated());
        return last < 1 ? null : new GlobalSequenceTrackingToken(last);
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long position = commits.firstCommittedAtOrAfter(dateTime.toEpochMilli(), commits.allocated());
        if (position < 0) {
            return createHeadToken();
        }
        return position <= 1 ? null : new GlobalSequenceTrackingToken(position - 1);
    }

    /** Follows the log from a position, lazily, until it is caught up or held back by an open gap. */
    private final class LogReader implements Iterator<TrackedEventData<?>> {

        private long next;
        private final List<TrackedEventData<?>> buffer = new ArrayList<>();
        private int read;
        private boolean resumed;
        private boolean ended;

        LogReader(long after) {
            this.next = after + 1;
        }

        @Override
        public boolean hasNext() {
            if (read < buffer.size()) {
                return true;
            }
            if (ended) {
                return false;
            }
            buffer.clear();
            read = 0;
            ended = !fill();
            return read < buffer.size();
        }

        @Override
        public TrackedEventData<?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.get(read++);
        }

        /** Reads the next page of commits into the buffer; false when nothing can be delivered now. */
        private boolean fill() {
            if (!resumed) {
                resumed = true;
                commits.floor(next).filter(e -> e.position() < next && e.last() >= next).ifPresent(this::emit);
                if (!buffer.isEmpty()) {
                    return true;
                }
            }
            for (int round = 0; round < MAX_ROUNDS_PER_READ; round++) {
                List<CommitLog.Entry> page = commits.from(next, PAGE);
                boolean progressed = false;
                for (CommitLog.Entry entry : page) {
                    if (entry.position() != next) {
                        break;
                    }
                    emit(entry);
                    progressed = true;
                }
                if (!buffer.isEmpty()) {
                    return true;
                }
                if (progressed) {
                    continue; // only tombstones so far: read on
                }
                boolean taken = !page.isEmpty() || commits.allocated() >= next;
                if (!taken) {
                    return false; // caught up
                }
                if (!closeGap(next)) {
                    return false; // held back by a batch in flight: Axon polls again
                }
            }
            return !buffer.isEmpty();
        }

        private void emit(CommitLog.Entry entry) {
            long from = next;
            next = entry.last() + 1;
            gapSince.remove(entry.position());
            if (!entry.committed()) {
                return;
            }
            List<EventRecord> events = events(entry);
            for (int i = (int) (from - entry.position()); i < events.size(); i++) {
                buffer.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(entry.position() + i),
                        events.get(i).data()));
            }
        }

        /**
         * The position {@code next} was taken but holds nothing: wait for it until the gap timeout, then close it.
         * True when the reader may go on (closed, or a commit appeared meanwhile).
         */
        private boolean closeGap(long position) {
            long now = System.nanoTime();
            Long since = gapSince.get(position);
            if (since == null) {
                if (gapSince.size() > MAX_TRACKED_GAPS) {
                    gapSince.clear();
                }
                // every position taken by now has been missing since now, at the latest
                long upTo = Math.min(commits.allocated(), position + GAP_TIMER_AHEAD);
                for (long p = position; p <= upTo; p++) {
                    gapSince.putIfAbsent(p, now);
                }
                gapSince.putIfAbsent(position, now);
                return false;
            }
            if (now - since < gapTimeout.toNanos()) {
                return false;
            }
            if (commits.tombstone(position, 1, clock.millis(), writer)) {
                log.warn("Position {} of the event log was taken but not committed within {}: closed, readers go on",
                        position, gapTimeout);
            }
            gapSince.remove(position);
            return true; // closed by us, or a commit/tombstone is there now: read it
        }
    }

    /** The sequence number is held by another committed (or in-flight) batch: a lost optimistic-locking race. */
    static final class SequenceTakenException extends RuntimeException {
        SequenceTakenException(EventRecord record) {
            super("Sequence " + record.sequence() + " of aggregate " + record.aggregateId() + " is taken");
        }
    }

    /** Recognises a lost race on an aggregate's sequence, so that Axon raises its concurrency exceptions. */
    private static final class SequenceTakenResolver implements PersistenceExceptionResolver {
        @Override
        public boolean isDuplicateKeyViolation(Exception exception) {
            return exception instanceof SequenceTakenException;
        }
    }

    /** Axon's engine settings plus the DynamoDB client, tables and gap timeout. */
    public static final class Builder extends AbstractEventStorageEngine.Builder {

        private DynamoDbClient client;
        private DynamoDbProperties.Tables tables;
        private Duration gapTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {
            persistenceExceptionResolver(new SequenceTakenResolver());
        }

        public Builder client(DynamoDbClient client) {
            this.client = client;
            return this;
        }

        public Builder tables(DynamoDbProperties.Tables tables) {
            this.tables = tables;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        public DynamoDbEventStorageEngine build() {
            if (client == null || tables == null) {
                throw new IllegalStateException("The DynamoDB client and table names are required");
            }
            validate();
            return new DynamoDbEventStorageEngine(this);
        }
    }
}
