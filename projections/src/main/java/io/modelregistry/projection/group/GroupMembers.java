package io.modelregistry.projection.group;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.api.group.GroupMember;
import java.util.IdentityHashMap;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a group's member events to a projection when it reaches the group's commit marker: read back from the log
 * by their aggregate and sequence range (so they are the stored events, upcast as usual, with their own
 * identifiers), in the order they were appended, and handed to the projection's own event handlers. It all happens
 * in the one handler call for the marker, so in the processor's one unit of work (and, for the JDBC read models,
 * one database transaction, together with the token). Each member is delivered with the marker's tracking token.
 */
@Component
public class GroupMembers {

    /** A group holds at most a few hundred events; this bounds one member's read even if the log said otherwise. */
    private static final long MAX_EVENTS_PER_MEMBER = 10_000;

    private final EventStore store;
    /** One adapter per projection instance (each projection is a singleton bean). */
    private final Map<Object, AnnotationEventHandlerAdapter> adapters = new IdentityHashMap<>();

    public GroupMembers(EventStore store) {
        this.store = store;
    }

    /** Hands each member of {@code group}, in log order, to {@code projection}'s event handlers. */
    public void applyTo(Object projection, GroupCommitted group, TrackingToken token) {
        AnnotationEventHandlerAdapter adapter = adapter(projection);
        for (GroupMember member : group.members()) {
            if (member.lastSequence() < member.firstSequence()) {
                continue;
            }
            DomainEventStream events = store.readEvents(member.aggregateId(), member.firstSequence());
            long read = 0;
            while (events.hasNext() && read++ < MAX_EVENTS_PER_MEMBER) {
                DomainEventMessage<?> event = events.next();
                if (event.getSequenceNumber() > member.lastSequence()) {
                    break;
                }
                if (event.getSequenceNumber() < member.firstSequence()) {
                    continue;
                }
                try {
                    adapter.handle(new GenericTrackedDomainEventMessage<>(token, event));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot apply event " + event.getIdentifier() + " of group "
                            + group.groupId(), e);
                }
            }
        }
    }

    /**
     * The adapter that hands events to {@code projection}'s handlers as its processor would, {@link GroupMembers}
     * included; one per projection instance, so a replay into projections of its own uses a GroupMembers of its own.
     */
    public AnnotationEventHandlerAdapter adapter(Object projection) {
        synchronized (adapters) {
            return adapters.computeIfAbsent(projection, target -> new AnnotationEventHandlerAdapter(target,
                    MultiParameterResolverFactory.ordered(
                            ClasspathParameterResolverFactory.forClass(target.getClass()),
                            // the marker's own handler takes this helper: resolvable, though never called from here
                            (executable, parameters, index) -> parameters[index].getType() == GroupMembers.class
                                    ? new FixedValueParameterResolver<>(this) : null)));
        }
    }
}
