package io.modelregistry.server.axon.jdbc;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, with every append made durable before whoever appended can acknowledge it: inside a
 * unit of work (a command) once its transaction has committed, outside one (the engine commits the append itself)
 * right after the append. See {@link H2GroupCommit}.
 *
 * <p>A command's unit of work runs its after-commit handlers before the command's result is handed back, so the
 * caller answers only after the fsync. Axon logs and swallows an exception thrown there; a failed fsync is
 * therefore also reported by the event-store health probe, and the next write tries again.
 */
final class DurableJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private static final String SYNC_REGISTERED = DurableJdbcEventStorageEngine.class.getName() + ".sync";

    private final H2GroupCommit commit;

    DurableJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, H2GroupCommit commit) {
        super(builder);
        this.commit = commit;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(SYNC_REGISTERED, key -> {
                root.afterCommit(u -> commit.awaitDurable());
                return Boolean.TRUE;
            });
        } else {
            commit.awaitDurable();
        }
    }
}
