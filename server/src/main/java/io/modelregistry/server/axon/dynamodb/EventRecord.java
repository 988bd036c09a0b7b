package io.modelregistry.server.axon.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * One stored event (or snapshot) as Axon's JDBC engine keeps it in a row: identity, aggregate position, and the
 * serialised payload and metadata. Events without an aggregate have a null {@code type}, the event id as aggregate
 * id and sequence 0, as in the JDBC engine.
 *
 * <p>A commit's events are stored as one binary attribute in a small versioned format of its own, rather than as
 * a DynamoDB list of maps: the payloads are opaque bytes anyway, one attribute keeps the item's size exactly known
 * (the 400 KB limit), and the same bytes go to the chunk table unchanged when the commit is too large.
 */
record EventRecord(String eventId, String type, String aggregateId, long sequence, Instant timestamp,
                   String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {

    private static final int FORMAT = 1;

    static EventRecord of(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        return new EventRecord(event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getTimestamp(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metadata.getData());
    }

    boolean hasAggregate() {
        return type != null;
    }

    DomainEventData<byte[]> data() {
        return new GenericDomainEventEntry<>(type, aggregateId, sequence, eventId, timestamp, payloadType,
                payloadRevision, payload, metadata);
    }

    static byte[] encode(List<EventRecord> records) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(records.size());
            for (EventRecord r : records) {
                string(out, r.eventId);
                string(out, r.type);
                string(out, r.aggregateId);
                out.writeLong(r.sequence);
                out.writeLong(r.timestamp.getEpochSecond());
                out.writeInt(r.timestamp.getNano());
                string(out, r.payloadType);
                string(out, r.payloadRevision);
                bytes(out, r.payload);
                bytes(out, r.metadata);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<EventRecord> decode(byte[] data) {
        try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("Unknown stored event format " + format);
            }
            int count = in.readInt();
            List<EventRecord> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                records.add(new EventRecord(string(in), string(in), string(in), in.readLong(),
                        Instant.ofEpochSecond(in.readLong(), in.readInt()), string(in), string(in), bytes(in),
                        bytes(in)));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("A stored commit could not be decoded", e);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] bytes = bytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return in.readNBytes(length);
    }
}
