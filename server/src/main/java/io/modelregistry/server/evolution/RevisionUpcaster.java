package io.modelregistry.server.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One step of an event's history: turns the stored JSON of {@code type} at revision {@code from} into revision
 * {@code to}. Steps are small and pure (the same old JSON always gives the same new JSON, nothing is read or
 * written elsewhere), and chained, so an event several revisions old passes through each step in turn.
 */
abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String from;
    private final String to;

    RevisionUpcaster(Class<?> type, String from, String to) {
        this.type = type.getName();
        this.from = from;
        this.to = to;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return type.equals(event.getType().getName()) && EventRevisions.is(event.getType().getRevision(), from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(type, to), JsonNode.class,
                payload -> payload.isObject() ? upcast(((ObjectNode) payload).deepCopy()) : payload);
    }

    /** The payload at revision {@code to}; {@code payload} is a copy the step may change. */
    abstract ObjectNode upcast(ObjectNode payload);
}
