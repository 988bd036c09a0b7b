package io.modelregistry.projection.consistency;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/** A projection handler's failure, carrying which event it failed on up to the processor's error handler. */
final class ProjectionHandlerException extends Exception {

    private final transient EventMessage<?> event;

    ProjectionHandlerException(EventMessage<?> event, Exception cause) {
        super("Handler failed on " + event.getPayloadType().getSimpleName() + " at position " + position(event), cause);
        this.event = event;
    }

    EventMessage<?> event() {
        return event;
    }

    static long position(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1L);
        }
        return -1L;
    }
}
