package io.modelregistry.server.axon.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The JDBC storage engine, with every append made durable before whoever appended can acknowledge it: inside a
 * unit of work (a command: the claim, token and user rows commit in the same transaction) once the transaction
 * has committed, outside one (the engine commits the append itself) right after the append.
 *
 * <p>A command's unit of work runs its after-commit handlers before the command's result is handed back, so
 * the caller answers only after the fsync. Axon logs and swallows an exception thrown there; a failed fsync is
 * therefore also reported by the event-store health probe, and the next write tries again.
 */
final class DurableAppends implements EventStorageEngine {

    private static final String SYNC_REGISTERED = DurableAppends.class.getName() + ".sync";

    private final EventStorageEngine delegate;
    private final Supplier<H2GroupCommit> commit;

    DurableAppends(EventStorageEngine delegate, Supplier<H2GroupCommit> commit) {
        this.delegate = delegate;
        this.commit = commit;
    }

    EventStorageEngine delegate() {
        return delegate;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(SYNC_REGISTERED, key -> {
                root.afterCommit(u -> commit.get().awaitDurable());
                return Boolean.TRUE;
            });
        } else {
            commit.get().awaitDurable();
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot); // a snapshot can be rebuilt from the events: no fsync for it
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
