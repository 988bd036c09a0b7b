package io.modelregistry.command.download;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Where a command's events ended up in the log: the head as read inside the command's own transaction, once its
 * events are appended and before it commits. A reader that waits for this position sees them, and the caller needs
 * no second transaction to look at the head afterwards (which on the JDBC log was a commit of its own per download).
 *
 * <p>The handler's result, filled in later by its unit of work: the caller reads it only after the command has
 * returned, i.e. after the commit and its fsync; a failed commit throws instead, and nothing is read.
 */
final class AppendedAt {

    private static final long UNKNOWN = -1;

    private volatile long position = UNKNOWN;

    private AppendedAt() {
    }

    /**
     * To be called by a handler after it has published its events. Prepare-commit handlers run in the order they
     * were registered, and the event bus registered its append with the first event published in this unit of work,
     * so the head is read after the append, on the transaction's own connection, which sees its own insert. A nested
     * unit of work hands its events to its parent's, whose append may come later: there the position stays unknown.
     */
    static AppendedAt afterPublishing(EventStore log) {
        AppendedAt at = new AppendedAt();
        if (!CurrentUnitOfWork.isStarted()) {
            return at;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        if (unit.parent().isPresent()) {
            return at;
        }
        unit.onPrepareCommit(u -> at.position = position(log.createHeadToken()));
        return at;
    }

    private static long position(TrackingToken head) {
        return head == null ? UNKNOWN : head.position().orElse(UNKNOWN);
    }

    /** A position at or after the command's events; -1 when the log did not say. */
    long position() {
        return position;
    }
}
